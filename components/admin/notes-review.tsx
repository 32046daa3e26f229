/**
 * Public reader notes on the moderation page, newest first: the passage each is on, the note as
 * readers see it (stored, sanitised HTML), and a form per decision so it works without JavaScript.
 */
import { moderateNoteForm } from '@/lib/notes/moderation-actions';
import { noteDecisions, type ModeratedNote } from '@/lib/notes/moderation';
import { languageTags, type Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { localePath } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';
import styles from './admin.module.css';

type Props = { locale: Locale; notes: readonly ModeratedNote[] };

export function NotesReview({ locale, notes }: Props) {
  const t = getTranslator(locale);
  return (
    <section aria-labelledby="notes-review-heading">
      <h2 id="notes-review-heading">{t('admin.notes.heading')}</h2>
      <p className={styles.count}>{notes.length === 0 ? t('admin.notes.none') : t('admin.notes.intro')}</p>
      {notes.length > 0 && (
        <ol className={styles.queue}>
          {notes.map((note) => (
            <li key={note.id}>
              <article aria-labelledby={`note-${note.id}-heading`} className={styles.card}>
                <h3 id={`note-${note.id}-heading`}>
                  <a href={localePath(locale, `/posts/${note.postSlug}`)}>{note.postSlug}</a>{' '}
                  · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, locale)}</time>
                </h3>
                {note.exact ? <blockquote lang="zh-Hans">{note.exact}</blockquote> : <p>{t('admin.notes.reply')}</p>}
                <div className={styles.body} lang={note.lang === 'en' ? 'en' : languageTags.zh} dangerouslySetInnerHTML={{ __html: note.bodyHtml }} />
                <div role="group" aria-label={t('admin.actions')} className={styles.actions}>
                  {noteDecisions.map((decision) => (
                    <form key={decision} action={moderateNoteForm}>
                      <input type="hidden" name="locale" value={locale} />
                      <input type="hidden" name="id" value={note.id} />
                      <input type="hidden" name="decision" value={decision} />
                      <button type="submit" className={decision === 'delete' ? styles.danger : styles.button} aria-label={t(`admin.notes.${decision}Label`, { quote: note.exact ?? '' })}>
                        {t(`admin.${decision}`)}
                      </button>
                    </form>
                  ))}
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
