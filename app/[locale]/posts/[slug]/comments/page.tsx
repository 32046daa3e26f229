/**
 * `/{locale}/posts/{slug}/comments`: a post's comments on a page of their own, rendered per
 * request and kept out of search engines. The no-JavaScript flows land here: the comment form
 * posts here (lib/comments/form-actions.ts) and shows its errors or confirmation step with what
 * the reader typed, `?reply={id}` starts a reply, `?posted={id}` confirms a comment that awaits
 * moderation. Readers see their own comments awaiting moderation here too.
 */
import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CommentsSection } from '@/components/comments/comments-section';
import { SiteHeader } from '@/components/site-header';
import { withCommentsFeed } from '@/lib/comments/feed-path';
import { editingState } from '@/lib/comments/form-state';
import { readThreadForReader } from '@/lib/comments/published';
import { threadPageQuerySchema } from '@/lib/comments/schema';
import { threadPage } from '@/lib/comments/thread-pages';
import { getPost } from '@/lib/content/posts';
import { readLocale, readSegment } from '@/lib/http/route-params';
import { alternatesFor, localePath } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

const commentId = z.string().regex(/^[\w-]{1,40}$/).optional().catch(undefined);
const querySchema = z.object({ reply: commentId, posted: commentId });

/** `?page=` and `?order=` choose a page of the thread; `?comment=` (or a reply, or a comment just posted) the page holding it. */
function readPageQuery(query: Record<string, string | string[] | undefined>, holding: string | undefined) {
  const parsed = threadPageQuerySchema.safeParse({ page: query.page, order: query.order, comment: holding ?? query.comment });
  if (!parsed.success) notFound();
  return parsed.data;
}

async function readPost(params: PageProps<'/[locale]/posts/[slug]/comments'>['params']) {
  const locale = await readLocale(params);
  const post = await getPost(await readSegment(params, 'slug'));
  if (!post?.comments) notFound();
  return { locale, post };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/posts/[slug]/comments'>): Promise<Metadata> {
  const { locale, post } = await readPost(params);
  const t = getTranslator(locale);
  const metadata: Metadata = {
    title: t('comments.page.title', { title: post.title }),
    robots: { index: false, follow: true },
    alternates: alternatesFor(locale, `/posts/${encodeURIComponent(post.slug)}/comments`),
  };
  return withCommentsFeed(metadata, post.slug, t('comments.feedTitle', { title: post.title }));
}

export default async function CommentsPage({ params, searchParams }: PageProps<'/[locale]/posts/[slug]/comments'>) {
  const { locale, post } = await readPost(params);
  const t = getTranslator(locale);
  const search = await searchParams;
  const query = querySchema.parse(search);
  const pageQuery = readPageQuery(search, query.posted ?? query.reply);
  const { comments, formToken } = await readThreadForReader(post.slug, await headers(), await cookies());
  const parent = comments.find((comment) => comment.id === query.reply && !comment.deleted && !comment.pending);
  const posted = comments.find((comment) => comment.id === query.posted && comment.pending);
  const postPath = localePath(locale, `/posts/${encodeURIComponent(post.slug)}`);
  return (
    <>
      <SiteHeader locale={locale} path={`/posts/${encodeURIComponent(post.slug)}/comments`} />
      <main id="main" className="page">
        <p className="comments-back">
          <a href={postPath}>{t('comments.page.back')}</a>
        </p>
        <h1>{t('comments.page.title', { title: post.title })}</h1>
        <CommentsSection
          locale={locale}
          slug={post.slug}
          thread={threadPage(comments, pageQuery)}
          formState={editingState(parent ? { parentId: parent.id, replyTo: parent.author } : {}, formToken)}
          variant="page"
          notice={posted ? t('comments.page.postedPending') : undefined}
        />
      </main>
    </>
  );
}
