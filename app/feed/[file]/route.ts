/** `/feed/{slug}.xml`: the Atom feed of a post's comments, read per request. */
import { buildCommentsFeed } from '@/lib/comments/feed';
import { AppError } from '@/lib/http/errors';
import { handle } from '@/lib/http/respond';
import { parseSlug } from '@/lib/http/route-params';

export const dynamic = 'force-dynamic';

const notFound = () => new AppError('post.notFound', 404, 'feeds are named /feed/{slug}.xml');

function slugOf(file: string): string {
  let name: string;
  try {
    name = decodeURIComponent(file);
  } catch {
    throw notFound();
  }
  const match = /^(.+)\.xml$/.exec(name);
  if (!match?.[1]) throw notFound();
  return parseSlug(match[1]);
}

export async function GET(_request: Request, { params }: RouteContext<'/feed/[file]'>): Promise<Response> {
  return handle(async () => {
    const xml = await buildCommentsFeed(slugOf((await params).file));
    return new Response(xml, {
      headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
    });
  });
}
