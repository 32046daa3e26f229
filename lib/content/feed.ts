/**
 * The Atom feed of posts: full content (the rendered HTML with absolute links), newest first.
 */
import { Feed } from 'feed';
import { env } from '../env';
import { postPath } from '../i18n/paths';
import { getSite } from './posts';
import { postSummary } from './summary';

/** Feed readers resolve no base URL reliably: make root-relative links and images absolute. */
function absolutise(html: string, origin: string): string {
  return html.replace(/\s(href|src)="\/(?!\/)/g, ` $1="${origin}/`);
}

const atDayStart = (day: string) => new Date(`${day}T00:00:00Z`);

export async function buildPostsFeed(origin = env.siteUrl): Promise<string> {
  const { posts, config } = await getSite();
  const updated = posts.reduce((latest, post) => (post.date > latest ? post.date : latest), '1970-01-01');
  const feed = new Feed({
    id: `${origin}/`,
    // A blog that moved in keeps its own name and description (its _config.yml).
    title: config.title ?? '对照 Duizhao',
    description: config.description ?? 'Chinese posts with an English gloss',
    link: `${origin}/`,
    language: 'zh-Hans',
    updated: atDayStart(updated),
    feedLinks: { atom: `${origin}/feed.xml` },
    copyright: 'Posts are © their authors',
  });
  for (const post of posts) {
    const url = `${origin}/zh${postPath(post.slug)}`;
    feed.addItem({
      id: url,
      link: url,
      title: post.title,
      description: postSummary(post),
      content: absolutise(post.html, origin),
      date: atDayStart(post.date),
      published: atDayStart(post.publishedOn),
      category: post.tags.map((tag) => ({ name: tag, term: tag })),
    });
  }
  return feed.atom1();
}
