/** Small facts about text shared by everything readers write (comments, notes). Pure and client-safe. */

/** Length in Unicode code points, so that a Chinese text gets as many characters as an English one. */
export const codePoints = (text: string) => Array.from(text).length;

/**
 * Characters XML 1.0 cannot carry at all, not even escaped: the C0 controls but tab, line feed and
 * carriage return, and U+FFFE and U+FFFF. No reader means one, and one in a comment would make the
 * comments feed a document no feed reader accepts.
 */
const NOT_IN_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;

/** The text with every character XML cannot carry as U+FFFD, as CommonMark does with U+0000. */
export const xmlCarriable = (text: string) => text.replace(NOT_IN_XML, '\uFFFD');

/**
 * The text as both databases store it, so that what is answered is what was stored, and as XML
 * can carry it: U+0000 (which PostgreSQL refuses in text) and the other characters XML cannot
 * carry as U+FFFD, lone surrogates as U+FFFD too.
 */
export const storableText = (text: string) => xmlCarriable(text.toWellFormed());

/**
 * Characters that reorder the text around them (embeddings, overrides, isolates, and the Arabic
 * letter mark). In a name they let "evil\u202Etxt.exe" show as "evilexe.txt" and can flip the
 * words after it on the page; no name needs them.
 */
const BIDI_CONTROLS = /[\u061C\u202A-\u202E\u2066-\u2069]/g;
/** Control characters and line separators: a name is one line. */
const LINE_BREAKING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
/** Something one can see: a letter, digit, punctuation mark or symbol. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * A name as shown beside what its author wrote: well-formed, without bidi controls, control
 * characters turned into spaces, runs of spaces collapsed, trimmed, in NFC. Empty when nothing
 * visible is left (a name of zero-width spaces or combining marks alone), which callers refuse
 * as a missing name.
 */
export function cleanName(text: string): string {
  const cleaned = text.toWellFormed().replace(BIDI_CONTROLS, '').replace(LINE_BREAKING, ' ').normalize('NFC').replace(/\s+/gu, ' ').trim();
  return VISIBLE.test(cleaned) ? cleaned : '';
}

/**
 * A reader's website as stored and linked: an absolute http(s) URL with a dotted host and no
 * user name or password, in the URL parser's normal form (lowercase host, IDNs in punycode,
 * percent-encoded path). Null when it is not one: the parser would quietly drop tabs and
 * newlines and keep `user:pass@`, so any whitespace or control character refuses it outright.
 */
export function normalWebsite(text: string, maxLength = 300): string | null {
  if (text.length > maxLength || /[\u0000-\u0020\u007F-\u009F\u2028\u2029]/.test(text) || !text.isWellFormed()) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!/^[a-z]+:\/\//i.test(text) || url.username !== '' || url.password !== '' || !url.hostname.includes('.')) return null;
  return url.href.length > maxLength ? null : url.href;
}
