import { describe, expect, test, vi } from 'vitest';

describe('process-wide values', () => {
  test('two copies of a module (as two of Next\'s chunks hold) get the one value the first made', async () => {
    const first = await import('./process-wide.mjs');
    vi.resetModules();
    const second = await import('./process-wide.mjs');
    expect(second).not.toBe(first);
    expect(first.existingProcessWide('thread-cache')).toBeUndefined();
    const made = first.processWide('thread-cache', () => new Map<string, string>([['made', 'first']]));
    expect(second.processWide('thread-cache', () => new Map<string, string>([['made', 'second']]))).toBe(made);
    expect(second.existingProcessWide('thread-cache')).toBe(made);
  });
});
