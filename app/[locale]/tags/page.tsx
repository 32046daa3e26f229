/** Every tag, with how many posts carry it. */
import type { Metadata } from 'next';
import { SiteHeader } from '@/components/site-header';
import { listTags } from '@/lib/content/posts';
import { readLocale } from '@/lib/http/route-params';
import { alternatesFor, localePath } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata({ params }: PageProps<'/[locale]/tags'>): Promise<Metadata> {
  const locale = await readLocale(params);
  return { title: getTranslator(locale)('tags.heading'), alternates: alternatesFor(locale, '/tags') };
}

export default async function TagsPage({ params }: PageProps<'/[locale]/tags'>) {
  const locale = await readLocale(params);
  const t = getTranslator(locale);
  const tags = await listTags();
  return (
    <>
      <SiteHeader locale={locale} path="/tags" />
      <main id="main" className="page">
        <h1>{t('tags.heading')}</h1>
        <ul className="tag-index">
          {tags.map(({ tag, count }) => (
            <li key={tag}>
              <a href={localePath(locale, `/tags/${encodeURIComponent(tag)}`)}>#{tag}</a>{' '}
              <span className="muted">{t('tags.count', { count })}</span>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
