/**
 * Keeping the reader's place when a layer switches: find the block at the top of the screen,
 * remember where it was, and after the change scroll so it is exactly there again. Across a
 * navigation (pinyin comes from the server) the place is carried in sessionStorage.
 */
export type ReadingAnchor = { id: string; top: number };

const STORAGE_KEY = 'duizhao:reading-anchor';

/**
 * The block being read: the first one that starts below `offset` (e.g. under a sticky toolbar),
 * or that is still mostly on screen if it started above it. A block scrolled nearly out of view
 * is one the reader has finished.
 */
export function captureAnchor(root: HTMLElement, offset = 0): ReadingAnchor | null {
  for (const block of root.querySelectorAll<HTMLElement>('[data-block]')) {
    const rect = block.getBoundingClientRect();
    if (rect.bottom <= offset + 1) continue;
    const stillShown = (rect.bottom - offset) / Math.max(rect.height, 1);
    if (rect.top >= offset - 1 || stillShown > 0.4) return { id: block.dataset.block ?? '', top: rect.top };
  }
  return null;
}

function blockById(root: ParentNode, id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-block="${CSS.escape(id)}"]`);
}

export function restoreAnchor(root: ParentNode, anchor: ReadingAnchor | null): void {
  if (!anchor) return;
  const block = blockById(root, anchor.id);
  if (!block) return;
  const delta = block.getBoundingClientRect().top - anchor.top;
  if (Math.abs(delta) >= 0.5) window.scrollBy({ top: delta, behavior: 'instant' });
}

export function carryAnchor(anchor: ReadingAnchor | null): void {
  if (anchor) sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...anchor, at: Date.now() }));
}

/**
 * What carryAnchor stored, checked by hand: it is read in the first layout effect, before the
 * page paints, where waiting for zod to load would let the page jump.
 */
function carriedAnchorOf(data: unknown): (ReadingAnchor & { at: number }) | null {
  if (typeof data !== 'object' || data === null) return null;
  const id: unknown = Reflect.get(data, 'id');
  const top: unknown = Reflect.get(data, 'top');
  const at: unknown = Reflect.get(data, 'at');
  return typeof id === 'string' && typeof top === 'number' && typeof at === 'number' ? { id, top, at } : null;
}

/** The anchor carried across a navigation in the last few seconds, consumed once. */
export function takeCarriedAnchor(): ReadingAnchor | null {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  sessionStorage.removeItem(STORAGE_KEY);
  if (!stored) return null;
  try {
    const carried = carriedAnchorOf(JSON.parse(stored));
    if (!carried || Date.now() - carried.at > 10_000) return null;
    return { id: carried.id, top: carried.top };
  } catch {
    return null;
  }
}
