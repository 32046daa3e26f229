/**
 * The component map the post body is rendered with (next-mdx-remote). Blocks render as the
 * HTML they are; layers that enrich a block (gloss, notes) hook in here.
 */
import type { ComponentProps } from 'react';
import type { PostComponents } from '@/lib/content/compile';

function PostImage(props: ComponentProps<'img'>) {
  // The author's markup, plus async decoding so a large figure never blocks the text.
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- the author's own <img>, rendered as Jekyll does (next/image would rewrite it); its alt comes with the props
  return <img decoding="async" {...props} />;
}

export const postBodyComponents: PostComponents = { img: PostImage };
