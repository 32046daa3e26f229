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

describe('shutting down', () => {
  test('what any copy registered is closed once, newest first; a failure or a hang does not stop the rest', async () => {
    const first = await import('./process-wide.mjs');
    vi.resetModules();
    const second = await import('./process-wide.mjs');
    const closed: string[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    first.onShutdown(() => {
      closed.push('database');
    });
    second.onShutdown(() => new Promise<void>(() => {}));
    second.onShutdown(() => {
      throw new Error('no');
    });
    second.onShutdown(async () => {
      closed.push('redis');
    });
    await second.shutDown(50);
    expect(closed).toEqual(['redis', 'database']);
    expect(errors.mock.calls.map(([message]) => String(message))).toEqual(['shutdown: a close failed:', 'shutdown: a close timed out after 50 ms']);
    await first.shutDown(50);
    expect(closed).toEqual(['redis', 'database']);
    errors.mockRestore();
  });
});
