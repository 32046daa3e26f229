/**
 * The store through which the server render finds the HTML a server component left for
 * `<ServerHtml>`: one entry per key, the most recent kept, shared by every copy of the module.
 */
import { describe, expect, test, vi } from 'vitest';
import { leaveServerHtml, readServerHtml } from './server-html-store';

describe('server HTML store', () => {
  test('what is left under a key is read back under it, and nothing under another', () => {
    leaveServerHtml('post/zh/off/a', '<p>甲</p>');
    expect(readServerHtml('post/zh/off/a')).toBe('<p>甲</p>');
    expect(readServerHtml('post/zh/off/b')).toBeUndefined();
  });

  test('reading does not take the entry away: an RSC-only render and a full one may share it', () => {
    leaveServerHtml('post/en/inline/a', '<p>乙</p>');
    readServerHtml('post/en/inline/a');
    expect(readServerHtml('post/en/inline/a')).toBe('<p>乙</p>');
  });

  test('the 64 most recently left are kept, the oldest go first', () => {
    for (let n = 0; n < 70; n += 1) leaveServerHtml(`many/${n}`, `<p>${n}</p>`);
    expect(readServerHtml('many/5')).toBeUndefined();
    expect(readServerHtml('many/6')).toBe('<p>6</p>');
    expect(readServerHtml('many/69')).toBe('<p>69</p>');
    // Left again, an old key counts as new.
    leaveServerHtml('many/6', '<p>6</p>');
    leaveServerHtml('many/70', '<p>70</p>');
    expect(readServerHtml('many/6')).toBe('<p>6</p>');
    expect(readServerHtml('many/7')).toBeUndefined();
  });

  test('a second copy of the module (as the other server render loads it) sees the same entries', async () => {
    leaveServerHtml('shared/key', '<p>丙</p>');
    vi.resetModules();
    const other = await import('./server-html-store');
    expect(other.readServerHtml('shared/key')).toBe('<p>丙</p>');
  });
});
