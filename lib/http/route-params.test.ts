import { describe, expect, test } from 'vitest';
import { parseSlug } from './route-params';

describe('parseSlug', () => {
  test('takes the slugs posts have, Chinese ones too', () => {
    expect(parseSlug('docker-and-hyper')).toBe('docker-and-hyper');
    expect(parseSlug('结语_2.0')).toBe('结语_2.0');
  });

  test('anything else is an unknown post (404), never a 500', () => {
    for (const bad of ['', '-leading-dash', '../etc/passwd', 'a/b', 'x'.repeat(201), 'with space']) {
      expect(() => parseSlug(bad)).toThrow(expect.objectContaining({ code: 'post.notFound', status: 404 }));
    }
  });
});
