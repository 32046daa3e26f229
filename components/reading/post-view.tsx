/**
 * A post as a reader reads it: the author's text with the gloss layer (English per block, the
 * word layer, pinyin when asked for) in the reading state given, inside the reading controls,
 * and its comments under it when the post takes comments. Rendered on the server for every
 * reading state; the browser only switches between them. The thread is read at render time, so
 * the pages are revalidated when it changes (lib/comments/revalidate.ts).
 */
import { createHash } from 'node:crypto';
import { noteLabels } from '@/components/notes/labels';
import { CommentsSection } from '@/components/comments/comments-section';
import { PostHeader } from '@/components/post-header';
import { ServerHtml } from '@/components/server-html';
import { leaveServerHtml } from '@/components/server-html-store';
import { SiteHeader } from '@/components/site-header';
import { postIri } from '@/lib/notes/w3c/iri';
import { editingState } from '@/lib/comments/form-state';
import { readPublishedThread } from '@/lib/comments/published';
import { threadPage } from '@/lib/comments/thread-pages';
import { compilePostBody } from '@/lib/content/compile';
import type { LoadedPost } from '@/lib/content/posts';
import { env } from '@/lib/env';
import { storedPostBody } from '@/lib/content/body-store';
import { getPostGloss } from '@/lib/gloss/post-gloss';
import { viewSegment, type ReadingMode } from '@/lib/gloss/reading-mode';
import type { Locale } from '@/lib/i18n/config';
import { localePath } from '@/lib/i18n/paths';
import { rehypeAsyncImages } from './async-images';
import { rehypeGlossedBlocks } from './glossed-blocks';
import { readingLabels } from './labels';
import { ReadingView } from './reading-view';

/** A post body's HTML, and the key it is known by: the same key always names the same HTML. */
type PostBody = { key: string; html: string };

/**
 * Compiled post bodies by post, locale and reading state. A post's text is fixed for the life of
 * a build; its thread is not, and a page rendered again for a new comment need not read (or
 * compile) the post again. A few posts' worth are kept in memory, the least recently used going;
 * all of them are kept beside the build (lib/content/body-store.ts).
 */
const BODIES_KEPT = 36;
const compiledBodies = new Map<string, Promise<PostBody>>();

function postBody(post: LoadedPost, locale: Locale, mode: ReadingMode, compile: () => Promise<string>): Promise<PostBody> {
  const key = `${post.slug}/${locale}/${viewSegment(mode)}`;
  const kept = compiledBodies.get(key);
  compiledBodies.delete(key);
  const body =
    kept ??
    compile().then((html) => ({ key: `${key}/${createHash('sha256').update(html).digest('base64url').slice(0, 16)}`, html }));
  compiledBodies.set(key, body);
  if (!kept) body.catch(() => compiledBodies.delete(key));
  for (const oldest of compiledBodies.keys()) {
    if (compiledBodies.size <= BODIES_KEPT) break;
    compiledBodies.delete(oldest);
  }
  return body;
}

export async function PostView({ locale, post, mode }: { locale: Locale; post: LoadedPost; mode: ReadingMode }) {
  const gloss = await getPostGloss(post);
  const path = localePath(locale, `/posts/${post.slug}`);
  const body = await postBody(post, locale, mode, () =>
    storedPostBody({ slug: post.slug, locale, view: viewSegment(mode) }, JSON.stringify([post.markdown, post.mathjax, [...gloss.blocks], gloss.glossary, gloss.phrases]), async () => {
      // Only when the build did not compile it: the word layer loads the segmenter and pinyin data.
      const { wordLayer } = await import('@/lib/gloss/words/word-layer');
      return compilePostBody(post, [...wordLayer(gloss, mode.pinyin), rehypeAsyncImages, [rehypeGlossedBlocks, { locale, mode, path, english: gloss.blocks }]]);
    }),
  );
  // The body goes into the page's HTML and not into the RSC payload: the browser never renders it.
  leaveServerHtml(body.key, body.html);
  // The first page of the thread in the default order; readers load the rest in place.
  const comments = post.comments ? threadPage(await readPublishedThread(post.slug)) : null;
  const structuredData = {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    inLanguage: 'zh-Hans',
    datePublished: post.publishedOn,
    dateModified: post.modified ?? post.publishedOn,
    keywords: post.tags.join(', '),
    url: `${env.siteUrl}${path}`,
  };
  return (
    <>
      <SiteHeader locale={locale} path={`/posts/${post.slug}`} />
      <main id="main" className="page">
        <ReadingView
          initialMode={mode}
          labels={readingLabels(locale)}
          path={path}
          glossaryUrl={`/glossary/${post.slug}.json`}
          notes={{ slug: post.slug, postIri: postIri(env.siteUrl, post.slug), labels: noteLabels(locale) }}
        >
          <article className="post" aria-labelledby="post-title">
            <PostHeader post={post} locale={locale} commentCount={comments ? comments.count : null} />
            <ServerHtml className="post-body" lang="zh-Hans" htmlKey={body.key} />
          </article>
        </ReadingView>
        {comments ? <CommentsSection locale={locale} slug={post.slug} thread={comments} formState={editingState()} variant="post" /> : null}
        <script
          type="application/ld+json"
          // JSON.stringify output with `<` escaped cannot close the script element.
          dangerouslySetInnerHTML={{ __html: JSON.stringify(structuredData).replace(/</g, '\\u003c') }}
        />
      </main>
    </>
  );
}
