/**
 * The Atom feed of one post's comments (`/feed/{slug}.xml`): the latest published comments,
 * newest first, each linking to its place in the thread. Read per request (cheap, and a feed
 * reader must not wait for a page to be revalidated).
 */
import 'server-only';
import { Feed } from 'feed';
import { getDb } from '../db/client';
import { env } from '../env';
import { AppError } from '../http/errors';
import { getPost } from '../content/posts';
import { getTranslator } from '../i18n/server';
import { xmlCarriable } from '../ugc/text';
import { commentsFeedPath } from './feed-path';
import { listComments } from './queries';
import { anonymousViewer } from './types';

const FEED_SIZE = 50;

export async function buildCommentsFeed(slug: string, origin = env.siteUrl): Promise<string> {
  const post = await getPost(slug);
  if (!post) throw new AppError('post.notFound', 404, `no post "${slug}"`);
  if (!post.comments) throw new AppError('comments.disabled', 404, `comments are off for "${slug}"`);
  const comments = (await listComments(await getDb(), slug, anonymousViewer)).filter((comment) => !comment.deleted).reverse().slice(0, FEED_SIZE);
  const postUrl = `${origin}/zh/posts/${encodeURIComponent(slug)}`;
  const latest = comments[0]?.editedAt ?? comments[0]?.createdAt;
  const feed = new Feed({
    id: `${origin}${commentsFeedPath(slug)}`,
    title: getTranslator('zh')('comments.feedTitle', { title: post.title }),
    description: getTranslator('en')('comments.feedTitle', { title: post.title }),
    link: `${postUrl}#comments`,
    language: 'zh-Hans',
    updated: latest ? new Date(latest) : new Date(`${post.date}T00:00:00Z`),
    feedLinks: { atom: `${origin}${commentsFeedPath(slug)}` },
    copyright: 'Comments are © their authors',
  });
  for (const comment of comments) {
    // The id stays the post's address with the comment's fragment, as it always was; the link goes
    // to the comments page, which opens at the page of a long thread that holds the comment.
    const url = `${postUrl}#comment-${comment.id}`;
    feed.addItem({
      id: url,
      link: `${postUrl}/comments?comment=${encodeURIComponent(comment.id)}#comment-${comment.id}`,
      title: `${comment.author}: ${post.title}`,
      // Comments stored before their text was kept XML-safe may still hold a control character.
      content: xmlCarriable(comment.bodyHtml),
      date: new Date(comment.editedAt ?? comment.createdAt),
      published: new Date(comment.createdAt),
      author: [comment.website ? { name: comment.author, link: comment.website } : { name: comment.author }],
    });
  }
  return feed.atom1();
}
