/**
 * Disqus' XML export (Admin > Moderation > Export): `<disqus>` holding `<thread dsq:id>` entries
 * (`<link>` the page's address when the thread was made, `<id>` the identifier the page gave, often
 * a path, `<title>`), and `<post dsq:id>` entries, one per comment: `<message>` (HTML, in CDATA),
 * `<createdAt>` (ISO 8601, UTC), `<isDeleted>`, `<isSpam>`, `<author>` (`<name>`, `<email>`,
 * `<username>`; Disqus keeps no website), `<thread dsq:id>` and, for a reply, `<parent dsq:id>`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { ForeignExportError, textOf, type ForeignComment, type ForeignExport, type ForeignThread } from './foreign';
import { htmlToMarkdown } from './html-to-markdown';

const ID = '@_dsq:id';
const text = z.unknown().optional().transform(textOf);
const ref = z.object({ [ID]: z.union([z.string(), z.number()]).transform(String) }).partial().nullish();
const flag = z.unknown().optional().transform((value) => textOf(value).toLowerCase() === 'true');

const threadSchema = z.object({ [ID]: z.union([z.string(), z.number()]).transform(String), id: text, link: text, title: text }).loose();
const postSchema = z
  .object({
    [ID]: z.union([z.string(), z.number()]).transform(String),
    message: text,
    createdAt: text,
    isDeleted: flag,
    isSpam: flag,
    author: z.object({ name: text, email: text, username: text }).partial().nullish(),
    thread: ref,
    parent: ref,
  })
  .loose();

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  // Lists only at the top: a post's own `<thread dsq:id>` is a single reference.
  isArray: (_name: string, jpath: unknown) => jpath === 'disqus.thread' || jpath === 'disqus.post' || jpath === 'disqus.category',
});

export function looksLikeDisqus(source: string): boolean {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<disqus[\s>]/.test(source);
}

function threadOf(raw: z.infer<typeof threadSchema>): ForeignThread {
  // The link first (the address readers used), then the identifier when it is an address too.
  const urls = [raw.link, raw.id].filter((each) => each !== '' && (each.startsWith('/') || /^https?:\/\//i.test(each)));
  return { urls, title: raw.title === '' ? null : raw.title };
}

export function parseDisqusExport(source: string): ForeignExport {
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new ForeignExportError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const root = z.object({ disqus: z.object({ thread: z.array(z.unknown()).default([]), post: z.array(z.unknown()).default([]) }).loose() }).safeParse(parser.parse(source));
  if (!root.success) throw new ForeignExportError('not a Disqus export: no <disqus> element with threads and posts');
  const threads = new Map<string, ForeignThread>();
  root.data.disqus.thread.forEach((entry, index) => {
    const parsed = threadSchema.safeParse(entry);
    if (!parsed.success) throw new ForeignExportError(`<thread> number ${index + 1} has no dsq:id`);
    threads.set(parsed.data[ID], threadOf(parsed.data));
  });
  const comments: ForeignComment[] = root.data.disqus.post.map((entry, index) => {
    const parsed = postSchema.safeParse(entry);
    if (!parsed.success) throw new ForeignExportError(`<post> number ${index + 1} has no dsq:id`);
    const post = parsed.data;
    const name = `<post dsq:id="${post[ID]}">`;
    const threadId = post.thread?.[ID];
    const thread = threadId === undefined ? undefined : threads.get(threadId);
    if (!thread) throw new ForeignExportError(`${name} belongs to thread "${threadId ?? ''}", which the file does not have`);
    const createdAt = new Date(post.createdAt);
    if (Number.isNaN(createdAt.getTime())) throw new ForeignExportError(`${name} has no valid <createdAt> ("${post.createdAt}")`);
    return {
      sourceId: post[ID],
      thread,
      parentSourceId: post.parent?.[ID] ?? null,
      authorName: post.author?.name || post.author?.username || '',
      email: post.author?.email || null,
      website: null,
      bodyMarkdown: htmlToMarkdown(post.message),
      createdAt,
      state: post.isSpam ? 'spam' : post.isDeleted ? 'deleted' : 'published',
    };
  });
  return { system: 'disqus', comments };
}
