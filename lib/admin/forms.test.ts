import { describe, expect, test } from 'vitest';
import { adminPage, formFields, localeField } from './forms';

describe('the moderation page forms', () => {
  test('fields are read as strings; a file is no answer', () => {
    const form = new FormData();
    form.set('locale', 'en');
    form.set('upload', new Blob(['x']), 'x.txt');
    expect(formFields(form)).toEqual({ locale: 'en', upload: undefined });
  });

  test('anything but a form, bound to an action by a hand-made post, has no fields', () => {
    for (const bound of [5, 'locale', null, undefined, ['locale', 'en'], { locale: 'en' }]) expect(formFields(bound)).toEqual({});
  });

  test('only a UI language is a locale', () => {
    expect(localeField.safeParse('zh').success).toBe(true);
    expect(localeField.safeParse('fr').success).toBe(false);
  });

  test('each form goes back to the moderation page in its language, with what it did', () => {
    expect(adminPage('en')).toBe('/en/admin');
    expect(adminPage('zh', '?done=spam')).toBe('/zh/admin?done=spam');
  });
});
