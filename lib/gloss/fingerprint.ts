/**
 * The fingerprint of a block's Chinese: what a gloss records as the text it translates, so that
 * an edit to the Chinese marks the gloss stale. Insensitive to whitespace and Unicode normal form,
 * which do not change what a translator read.
 */
import { createHash } from 'node:crypto';

export function fingerprint(text: string): string {
  const normalised = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 10);
}
