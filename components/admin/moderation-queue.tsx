/**
 * The moderation queue: each comment awaiting approval or flagged by readers, with where and when
 * it was written, and one form per decision so the buttons work without JavaScript. The body is
 * the stored, already sanitised HTML, exactly as readers would see it.
 */
import { moderationDecisions, type ModerationDecision } from '@/lib/comments/moderation';
import { moderate } from '@/lib/comments/moderation-actions';
import type { QueuedComment } from '@/lib/comments/queries';
import { languageTags, type Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { localePath } from '@/lib/i18n/paths';
import { getTranslator } from '@/lib/i18n/server';
import styles from './admin.module.css';

type Props = { locale: Locale; comments: readonly QueuedComment[] };

const buttonClass: Record<ModerationDecision, string | undefined> = {
  approve: styles.approve,
  spam: styles.button,
  delete: styles.danger,
};

function statusKey(comment: QueuedComment): string {
  if (comment.status === 'published') return comment.flagCount > 0 ? 'flagged' : 'published';
  return comment.status === 'spam' ? 'spam' : 'pending';
}

function QueuedCommentCard({ locale, comment }: { locale: Locale; comment: QueuedComment }) {
  const t = getTranslator(locale);
  const headingId = `queued-${comment.id}`;
  const author = comment.author;
  return (
    <article aria-labelledby={headingId} className={styles.card}>
      <h3 id={headingId}>{t('admin.commentBy', { author })}</h3>
      <dl className={styles.facts}>
        <div>
          <dt>{t('admin.post')}</dt>
          <dd>
            <a href={localePath(locale, `/posts/${comment.postSlug}`)}>{comment.postSlug}</a>
          </dd>
        </div>
        <div>
          <dt>{t('admin.time')}</dt>
          <dd>
            <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('admin.language')}</dt>
          <dd>{t(`admin.languages.${comment.lang}`)}</dd>
        </div>
        <div>
          <dt>{t('admin.status')}</dt>
          <dd>{t(`admin.statuses.${statusKey(comment)}`)}</dd>
        </div>
        <div>
          <dt>{t('admin.flags')}</dt>
          <dd>{comment.flagCount}</dd>
        </div>
      </dl>
      <div className={styles.body} lang={languageTags[comment.lang]} dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      <div role="group" aria-label={t('admin.actions')} className={styles.actions}>
        {moderationDecisions.map((decision) => (
          <form key={decision} action={moderate}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="id" value={comment.id} />
            <input type="hidden" name="decision" value={decision} />
            <button type="submit" className={buttonClass[decision]} aria-label={t(`admin.${decision}Label`, { author })}>
              {t(`admin.${decision}`)}
            </button>
          </form>
        ))}
      </div>
    </article>
  );
}

export function ModerationQueue({ locale, comments }: Props) {
  const t = getTranslator(locale);
  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t('admin.queue')}</h2>
      <p className={styles.count}>{comments.length === 0 ? t('admin.empty') : t('admin.queueCount', { count: comments.length })}</p>
      {comments.length > 0 && (
        <ol className={styles.queue}>
          {comments.map((comment) => (
            <li key={comment.id}>
              <QueuedCommentCard locale={locale} comment={comment} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
