/**
 * `/glossary/<slug>.json`: a post's glossary for word help, prerendered at build time and fetched
 * by the browser only when the reader first asks for a word. CC BY-SA 4.0 (CC-CEDICT).
 */
import { getPosts } from '@/lib/content/posts';
import { getPostGloss } from '@/lib/gloss/post-gloss';

export const dynamic = 'force-static';
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getPosts()).map((post) => ({ file: `${post.slug}.json` }));
}

export async function GET(_request: Request, { params }: RouteContext<'/glossary/[file]'>): Promise<Response> {
  const { file } = await params;
  const post = (await getPosts()).find((each) => `${each.slug}.json` === file);
  if (!post) return Response.json({ error: { code: 'glossary.notFound', message: 'No such glossary' } }, { status: 404 });
  const { glossary } = await getPostGloss(post);
  return Response.json(glossary, { headers: { 'Cache-Control': 'public, max-age=3600' } });
}
