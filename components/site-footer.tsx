/** The site's footer: credits and the feed. */
import type { Locale } from '@/lib/i18n/config';
import { localePath } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';

/** The footer's id: the first element after every page's content, which the layout waits for. */
export const SITE_FOOTER_ID = 'site-footer';

export function SiteFooter({ locale }: { locale: Locale }) {
  const t = getTranslator(locale);
  return (
    <footer id={SITE_FOOTER_ID} className="site-footer" aria-label={t('footer.label')}>
      <p>
        {t('footer.credits')}{' '}
        <a href="/feed.xml" type="application/atom+xml">
          {t('feed.subscribe')}
        </a>{' '}
        · <a href={localePath(locale, '/credits')}>{t('credits.link')}</a>
      </p>
    </footer>
  );
}
