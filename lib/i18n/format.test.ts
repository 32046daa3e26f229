import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime } from './format';

describe('formatDate', () => {
  test('never shifts the calendar day', () => {
    expect(formatDate('2016-05-20', 'zh')).toBe('2016年5月20日');
    expect(formatDate('2016-05-20', 'en')).toBe('May 20, 2016');
  });
});

describe('formatDateTime', () => {
  test('shows Chinese readers Beijing time and English readers UTC', () => {
    expect(formatDateTime('2016-05-20T16:05:09.000Z', 'zh')).toBe('2016年5月21日 00:05');
    expect(formatDateTime('2016-05-20T16:05:09.000Z', 'en')).toBe('May 20, 2016, 16:05 UTC');
  });

  test('pads minutes and hours', () => {
    expect(formatDateTime('2024-01-02T00:07:00Z', 'en')).toBe('January 2, 2024, 00:07 UTC');
  });
});
