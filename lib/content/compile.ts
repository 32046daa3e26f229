/**
 * Renders a post's markdown to React elements through next-mdx-remote in `format: 'md'` (plain
 * Jekyll markdown, not MDX), with the same plugins as the HTML pipeline. `components` maps HTML
 * tags to React components, so later layers can enrich blocks without re-parsing the post.
 */
import type { ReactElement } from 'react';
import type { PluggableList } from 'unified';
import { compileMDX, type MDXRemoteProps } from 'next-mdx-remote/rsc';
import { rehypePlugins, remarkPlugins, remarkRehypeOptions } from './markdown';
import type { Post } from './types';

export type PostComponents = MDXRemoteProps['components'];

/**
 * `layers` are rehype plugins run after the post's own (e.g. the word layer); they may wrap text
 * but must not change it.
 */
export async function compilePostBody(
  post: Pick<Post, 'markdown' | 'mathjax'>,
  components: PostComponents = {},
  layers: PluggableList = [],
): Promise<ReactElement> {
  const options = { mathjax: post.mathjax };
  const { content } = await compileMDX({
    source: post.markdown,
    components,
    options: {
      blockJS: true,
      mdxOptions: {
        format: 'md',
        remarkPlugins: remarkPlugins(options),
        rehypePlugins: [...rehypePlugins(options), ...layers],
        remarkRehypeOptions,
      },
    },
  });
  return content;
}
