/**
 * The site's header: name, navigation and the language switch. The switch links to the same page
 * in the other UI language, so it works as a plain link without JavaScript.
 */
import { languageTags, type Locale } from '@/lib/i18n/config';
import { localePath, otherLocale } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';

type Props = { locale: Locale; /** This page's path without the locale, for the language switch. */ path: string };

export function SiteHeader({ locale, path }: Props) {
  const t = getTranslator(locale);
  const other = otherLocale(locale);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('site.skipToContent')}
      </a>
      <nav aria-label={t('nav.label')} className="site-nav">
        <a href={localePath(locale)} className="site-name" lang="zh-Hans">
          对照 <span lang="en">Duizhao</span>
        </a>
        <ul>
          <li>
            <a href={localePath(locale)}>{t('nav.home')}</a>
          </li>
          <li>
            <a href={localePath(locale, '/tags')}>{t('nav.tags')}</a>
          </li>
          <li>
            <a href="/feed.xml" type="application/atom+xml">
              {t('nav.feed')}
            </a>
          </li>
          <li>
            {/* A plain link: on a post it lands on a post, whose text only its own page holds
                (components/server-html.tsx). */}
            <a
              href={localePath(other, path)}
              hrefLang={languageTags[other]}
              lang={languageTags[other]}
              aria-label={t('nav.switchToLabel')}
              className="language-switch"
            >
              {t('nav.switchTo')}
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
