/** What the server asks itself before it takes traffic (lib/http/warm-up.mjs). */
import { createServer } from 'node:http';
import { describe, expect, test } from 'vitest';
import { postPaths, warmUp } from './warm-up.mjs';

describe('warming up', () => {
  test('the first post of the sitemap gives its pages in both languages, its thread and its notes', () => {
    const sitemap = '<urlset><url><loc>https://blog.example/zh</loc></url><url><loc>https://blog.example/zh/posts/docker-and-hyper</loc></url><url><loc>https://blog.example/en/posts/other</loc></url></urlset>';
    expect(postPaths(sitemap)).toEqual([
      '/zh/posts/docker-and-hyper',
      '/en/posts/docker-and-hyper',
      '/zh/posts/docker-and-hyper/comments',
      '/api/posts/docker-and-hyper/comments',
      '/api/posts/docker-and-hyper/annotations/',
    ]);
    expect(postPaths('<urlset><url><loc>https://blog.example/zh</loc></url></urlset>')).toEqual([]);
  });

  test('the server answers them on a port of its own, then listens nowhere until told', async () => {
    const asked: string[] = [];
    const server = createServer((request, response) => {
      asked.push(`${request.method} ${request.url}`);
      response.end(request.url === '/sitemap.xml' ? '<loc>http://x/en/posts/a-post</loc>' : 'ok');
    });
    const { paths } = await warmUp(server);
    expect(server.listening).toBe(false);
    expect(paths).toBe(asked.length);
    expect(asked).toEqual(expect.arrayContaining(['GET /sitemap.xml', 'GET /zh', 'GET /en/posts/a-post', 'GET /api/posts/a-post/comments']));
    expect(asked.every((line) => line.startsWith('GET '))).toBe(true);
  });
});
