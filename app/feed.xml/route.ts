/** The Atom feed of posts, at the path jekyll-feed uses, so existing subscribers keep it. */
import { buildPostsFeed } from '@/lib/content/feed';

export const dynamic = 'force-static';

export async function GET(): Promise<Response> {
  return new Response(await buildPostsFeed(), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
}
