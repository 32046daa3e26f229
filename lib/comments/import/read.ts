/**
 * Which comments export a file is, from its content: Duizhao's own JSON, a Disqus XML export, or
 * a Waline or Valine JSON export. A file that is none of them is refused saying what was expected.
 */
import { z } from 'zod';
import { parseCommentExport, type CommentExport } from '../transfer';
import { ForeignExportError, type ForeignExport } from './foreign';
import { looksLikeDisqus, parseDisqusExport } from './disqus';
import { parseWalineOrValine } from './waline';

export type ReadExport = { kind: 'duizhao'; data: CommentExport } | { kind: 'foreign'; data: ForeignExport };

const looksLikeDuizhao = (source: string) => {
  try {
    return z.object({ version: z.number(), comments: z.array(z.unknown()) }).safeParse(JSON.parse(source)).success;
  } catch {
    return false;
  }
};

export function readCommentsExport(source: string): ReadExport {
  if (looksLikeDisqus(source)) return { kind: 'foreign', data: parseDisqusExport(source) };
  if (looksLikeDuizhao(source)) return { kind: 'duizhao', data: parseCommentExport(source) };
  const other = parseWalineOrValine(source);
  if (other) return { kind: 'foreign', data: other };
  throw new ForeignExportError('not a comments export this command knows: expected a Disqus XML export, a Waline or Valine JSON export, or a Duizhao export');
}
