/**
 * Writes a planned foreign import (to-records.ts) and says what happened. Comments already in the
 * database (an earlier run) are left exactly as they are, so a moderator's work on them survives
 * a second run and nothing is doubled; the rest go in through the same all-or-nothing import as
 * Duizhao's own export files.
 */
import 'server-only';
import type { Db } from '../../db/client';
import { importComments } from '../transfer';
import { SYSTEM_NAMES, type ForeignSystem } from './foreign';
import type { ImportPlan } from './to-records';

/** `imported` and `replies` count comments with a body; placeholders are counted in the plan. */
export type ForeignImportResult = { imported: number; replies: number; alreadyPresent: number };

export async function writeForeignImport(db: Db, plan: ImportPlan): Promise<ForeignImportResult> {
  const ids = plan.records.map((record) => record.id);
  const present = new Set((await db.comment.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id));
  const fresh = plan.records.filter((record) => !present.has(record.id));
  if (fresh.length > 0) await importComments(db, { version: 1, exportedAt: new Date().toISOString(), comments: fresh, flags: [] });
  const comments = fresh.filter((record) => !record.deleted);
  return { imported: comments.length, replies: comments.filter((record) => record.parentId !== null).length, alreadyPresent: present.size };
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The summary the import command prints. */
export function formatImportSummary(system: ForeignSystem, plan: ImportPlan, result: ForeignImportResult): string {
  const parts = [`${plural(result.imported, 'comment')} imported (${plural(result.replies, 'reply', 'replies')})`];
  if (result.alreadyPresent > 0) parts.push(`${result.alreadyPresent} already present`);
  if (plan.pending > 0) parts.push(`${plan.pending} awaiting moderation`);
  if (plan.placeholders > 0) parts.push(`${plural(plan.placeholders, 'deleted comment')} kept as a placeholder for its replies`);
  const skipped = [
    plan.skippedDeleted > 0 ? `${plan.skippedDeleted} deleted` : '',
    plan.skippedSpam > 0 ? `${plan.skippedSpam} spam` : '',
    plan.skippedEmpty > 0 ? `${plan.skippedEmpty} empty` : '',
  ].filter(Boolean);
  if (skipped.length > 0) parts.push(`${skipped.join(', ')} skipped`);
  const lines = [`${SYSTEM_NAMES[system]}: ${parts.join(', ')}.`];
  for (const { title, slug } of plan.byTitle) lines.push(`  Found by its title alone: "${title}" -> ${slug}`);
  if (plan.unmatched.length > 0) {
    const total = plan.unmatched.reduce((sum, thread) => sum + thread.comments, 0);
    lines.push(`  ${plural(plan.unmatched.length, 'thread')} ${plan.unmatched.length === 1 ? 'matches' : 'match'} no post (${plural(total, 'comment')} not imported):`);
    for (const { address, comments } of plan.unmatched) lines.push(`    ${address} (${plural(comments, 'comment')})`);
  }
  return lines.join('\n');
}
