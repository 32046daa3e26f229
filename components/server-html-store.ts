/**
 * Where a server component leaves HTML for the server render of `<ServerHtml>` to write out.
 *
 * Next renders a page twice on the server, in one process: the server components into the RSC
 * payload, then that payload into HTML. Props of a client component travel in the payload, and
 * the payload is sent to the browser too, so HTML passed as a prop is sent twice. Passed by key
 * through this store instead, it is written into the HTML only, once. The store is shared through
 * `globalThis`, since the two renders load this module separately; it keeps the most recent
 * entries only (the server render reads an entry within the same request that left it).
 */
const STORE = Symbol.for('duizhao.server-html');
const KEPT = 64;

type Store = Map<string, string>;

function store(): Store {
  const global = globalThis as typeof globalThis & { [STORE]?: Store };
  global[STORE] ??= new Map();
  return global[STORE];
}

/** Leaves `html` under `key` (a key names one HTML exactly: same key, same HTML). */
export function leaveServerHtml(key: string, html: string): void {
  const entries = store();
  entries.delete(key);
  entries.set(key, html);
  for (const oldest of entries.keys()) {
    if (entries.size <= KEPT) break;
    entries.delete(oldest);
  }
}

export function readServerHtml(key: string): string | undefined {
  return store().get(key);
}
