/** What a post says about itself in a list, a search result or a share card. Pure. */
import type { Post } from './types';

const EXCERPT_LENGTH = 110;

/** The author's description or headline, else the opening of the first paragraph. */
export function postSummary(post: Pick<Post, 'description' | 'headline' | 'blocks'>): string {
  const own = post.description ?? post.headline;
  if (own) return own;
  const first = post.blocks.find((block) => block.kind === 'p')?.text ?? '';
  const chars = Array.from(first);
  return chars.length <= EXCERPT_LENGTH ? first : `${chars.slice(0, EXCERPT_LENGTH).join('')}…`;
}

/** `imagefeature` as a URL path: a bare file name lives in `/images/`, as in Jekyll themes that use it. */
export function featureImage(post: Pick<Post, 'imagefeature'>): string | null {
  if (!post.imagefeature) return null;
  return post.imagefeature.includes('/') ? post.imagefeature : `/images/${post.imagefeature}`;
}

/** The image a share card shows: `imagefeature`, else the first image in the post. */
export function postImage(post: Pick<Post, 'imagefeature'> & { html: string }): string | null {
  return featureImage(post) ?? /<img\b[^>]*\ssrc="([^"]+)"/.exec(post.html)?.[1] ?? null;
}
