/**
 * 404 for a URL that matches no route at all (outside the locale routes, e.g. a missing image).
 * Its language is unknown, so it speaks both.
 */
import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/not-found-message';
import { getTranslator } from '@/lib/i18n/server';
import './globals.css';

export const metadata: Metadata = { title: `${getTranslator('zh')('notFound.title')} · ${getTranslator('en')('notFound.title')}` };

export default function GlobalNotFound() {
  return (
    <html lang="zh-Hans">
      <body>
        <main id="main" className="page">
          <NotFoundMessage locale="zh" />
          <div lang="en">
            <NotFoundMessage locale="en" />
          </div>
        </main>
      </body>
    </html>
  );
}
