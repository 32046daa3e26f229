/**
 * Anchoring: where each note's passage is in the page as it is now (lib/notes/anchoring),
 * found again whenever the post's markup changes (pinyin switched on or off replaces it), with
 * each block's place in the post, read from the same text.
 */
import { useEffect, useState } from 'react';
import { anchorAll, type AnchorResult } from '@/lib/notes/anchoring';
import { layerDocument, toRanges } from '@/lib/notes/anchoring/dom';
import type { Note } from './notes-model';

/** A passage found in the page: where (block, layer, offsets) and the DOM range over it. */
export type Placed = { result: AnchorResult; range: Range };

export type Anchors = {
  /** The placed passages by note IRI; a note missing here did not anchor. */
  placed: ReadonlyMap<string, Placed>;
  /** Each block's place in the post. */
  order: ReadonlyMap<string, number>;
};

/** Bumps whenever the post's markup changes, at most once a frame. */
function usePostVersion(root: HTMLElement | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const body = root?.querySelector('.post-body');
    if (!body) return;
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setVersion((current) => current + 1));
    });
    observer.observe(body, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [root]);
  return version;
}

export function useAnchors(root: HTMLElement | null, passages: readonly Note[]): Anchors {
  const [anchors, setAnchors] = useState<Anchors>({ placed: new Map(), order: new Map() });
  const version = usePostVersion(root);

  useEffect(() => {
    if (!root) return;
    // A deleted note kept for its replies marks no words; the panel lists it with its block.
    const anchored = passages.flatMap((note) => (note.anchor && !note.deleted ? [{ note, anchor: note.anchor }] : []));
    const doc = layerDocument(root);
    const order = new Map<string, number>();
    for (const block of doc) if (!order.has(block.id)) order.set(block.id, order.size);
    const results = anchorAll(doc, anchored.map(({ anchor }) => anchor));
    const found = results.flatMap((result, index) => {
      const each = anchored[index];
      return result && each ? [{ result, note: each.note }] : [];
    });
    const ranges = toRanges(root, found.map(({ result }) => result));
    const placed = new Map<string, Placed>();
    found.forEach(({ result, note }, index) => {
      const range = ranges[index];
      if (range) placed.set(note.iri, { result, range });
    });
    // The page's text is outside React: where the passages are is known only after it is committed.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- state synchronised with the DOM
    setAnchors({ placed, order });
  }, [passages, version, root]);

  return anchors;
}
