/**
 * Runs once when a server starts (Next calls `register`): an instance on PostgreSQL starts
 * following the other instances' changes (lib/comments/remote-changes.ts). Not while building,
 * when there is nothing to keep fresh.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { followRemoteThreadChanges } = await import('./lib/comments/remote-changes');
  followRemoteThreadChanges();
}
