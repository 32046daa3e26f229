/** What the server asks itself before it takes traffic (lib/http/warm-up.mjs). */
import { createServer } from 'node:http';
import { describe, expect, test } from 'vitest';
import { otherSitemapPaths, postPaths, warmUp } from './warm-up.mjs';

describe('warming up', () => {
  test('the first post of the sitemap gives its pages in both languages and every view, its thread, notes, feed and glossary', () => {
    const sitemap = '<urlset><url><loc>https://blog.example/zh</loc></url><url><loc>https://blog.example/zh/posts/docker-and-hyper</loc></url><url><loc>https://blog.example/en/posts/other</loc></url></urlset>';
    const paths = postPaths(sitemap);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/zh/posts/docker-and-hyper',
        '/en/posts/docker-and-hyper',
        '/zh/posts/docker-and-hyper?gloss=inline&pinyin=1',
        '/en/posts/docker-and-hyper?gloss=parallel&pinyin=0',
        '/zh/posts/docker-and-hyper/comments',
        '/api/posts/docker-and-hyper/comments',
        '/api/posts/docker-and-hyper/annotations/',
        '/feed/docker-and-hyper.xml',
        '/glossary/docker-and-hyper.json',
      ]),
    );
    expect(paths).toHaveLength(2 * 7 + 5);
    expect(paths.some((path) => path.includes('other'))).toBe(false);
    expect(postPaths('<urlset><url><loc>https://blog.example/zh</loc></url></urlset>')).toEqual([]);
  });

  test('the other pages of the sitemap are warmed too, a bounded number of them', () => {
    const locs = ['/zh', '/zh/tags/docker', '/en/credits', '/zh/posts/a', ...Array.from({ length: 40 }, (_, index) => `/en/tags/t${index}`)];
    const sitemap = `<urlset>${locs.map((loc) => `<url><loc>https://blog.example${loc}</loc></url>`).join('')}<url><loc>not a url</loc></url></urlset>`;
    const paths = otherSitemapPaths(sitemap);
    expect(paths.slice(0, 2)).toEqual(['/zh/tags/docker', '/en/credits']);
    expect(paths).toHaveLength(24);
  });

  test('the server answers them on a port of its own, then listens nowhere until told', async () => {
    const asked: string[] = [];
    const cookies: string[] = [];
    const server = createServer((request, response) => {
      asked.push(`${request.method} ${request.url}`);
      if (request.url === '/zh/posts/a-post?gloss=inline&pinyin=1') cookies.push(request.headers.cookie ?? '(none)');
      response.end(request.url === '/sitemap.xml' ? '<loc>http://x/en/posts/a-post</loc>' : 'ok');
    });
    const { paths } = await warmUp(server);
    expect(server.listening).toBe(false);
    expect(paths).toBe(asked.length);
    expect(asked).toEqual(expect.arrayContaining(['GET /sitemap.xml', 'GET /zh', 'GET /en/posts/a-post', 'GET /api/posts/a-post/comments']));
    // A page in a language as a first visit and as a returning reader; the API once.
    expect(cookies.sort()).toEqual(['(none)', 'lang=zh']);
    expect(asked.filter((line) => line === 'GET /api/posts/a-post/comments')).toHaveLength(1);
    // Reads, and one preview, which stores nothing.
    expect(asked.filter((line) => !line.startsWith('GET '))).toEqual(['POST /api/comments/preview']);
  });
});
