/** A post's tags, each linking to the tag page. */
import type { Locale } from '@/lib/i18n/config';
import { localePath } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';

export function TagList({ tags, locale }: { tags: string[]; locale: Locale }) {
  if (tags.length === 0) return null;
  const t = getTranslator(locale);
  return (
    <ul className="tag-list" aria-label={t('post.tags')}>
      {tags.map((tag) => (
        <li key={tag}>
          <a href={localePath(locale, `/tags/${encodeURIComponent(tag)}`)}>#{tag}</a>
        </li>
      ))}
    </ul>
  );
}
