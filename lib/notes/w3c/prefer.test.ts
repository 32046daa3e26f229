import { describe, expect, test } from 'vitest';
import { containerPreference, PREFER_CONTAINED_DESCRIPTIONS, PREFER_CONTAINED_IRIS, PREFER_MINIMAL_CONTAINER } from './prefer';

const include = (...iris: string[]) => `return=representation; include="${iris.join(' ')}"`;

describe('containerPreference', () => {
  test('no Prefer header, or one without return=representation, asks for nothing', () => {
    expect(containerPreference(null)).toEqual({ minimal: false, iris: false, asked: false });
    expect(containerPreference('respond-async, wait=10')).toEqual({ minimal: false, iris: false, asked: false });
  });

  test.each([
    [include(PREFER_MINIMAL_CONTAINER), { minimal: true, iris: false, asked: true }],
    [include(PREFER_CONTAINED_IRIS), { minimal: false, iris: true, asked: true }],
    [include(PREFER_CONTAINED_DESCRIPTIONS), { minimal: false, iris: false, asked: true }],
    [include(PREFER_MINIMAL_CONTAINER, PREFER_CONTAINED_IRIS), { minimal: true, iris: true, asked: true }],
    [`respond-async, RETURN = representation;include="${PREFER_CONTAINED_IRIS}"`, { minimal: false, iris: true, asked: true }],
    [`return=representation;include=${PREFER_MINIMAL_CONTAINER}`, { minimal: true, iris: false, asked: true }],
  ])('%s', (header, expected) => {
    expect(containerPreference(header)).toEqual(expected);
  });

  test('IRIs and descriptions together (which clients must not send) fall back to descriptions', () => {
    expect(containerPreference(include(PREFER_CONTAINED_IRIS, PREFER_CONTAINED_DESCRIPTIONS))).toEqual({ minimal: false, iris: false, asked: false });
    expect(containerPreference(include(PREFER_MINIMAL_CONTAINER, PREFER_CONTAINED_IRIS, PREFER_CONTAINED_DESCRIPTIONS))).toEqual({ minimal: true, iris: false, asked: true });
  });

  test('unknown IRIs in include are ignored', () => {
    expect(containerPreference(include('http://example.org/other'))).toEqual({ minimal: false, iris: false, asked: false });
  });
});
