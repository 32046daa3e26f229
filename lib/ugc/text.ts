/** Small facts about text shared by everything readers write (comments, notes). Pure and client-safe. */

/** Length in Unicode code points, so that a Chinese text gets as many characters as an English one. */
export const codePoints = (text: string) => Array.from(text).length;

/**
 * The text as both databases store it, so that what is answered is what was stored: U+0000 as
 * CommonMark reads it (U+FFFD; PostgreSQL refuses it in text), lone surrogates as U+FFFD too.
 */
export const storableText = (text: string) => text.toWellFormed().replace(/\0/g, '\uFFFD');
