/**
 * `npm run comments:import -- <file>`: writes a comments export into DATABASE_URL. The file may be
 * Duizhao's own JSON export (lib/comments/transfer.ts: every column, upserted by id), a Disqus XML
 * export, or a Waline or Valine JSON export (lib/comments/import: threads matched to the posts in
 * CONTENT_DIR by their old addresses under the blog's _config.yml). Safe to run again: nothing is
 * doubled. Prints a summary. Run under the `react-server` export condition (see package.json),
 * which lets a plain Node process load lib/db/client past its `server-only` guard.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getSite } from '../lib/content/posts';
import { ForeignExportError } from '../lib/comments/import/foreign';
import { readCommentsExport } from '../lib/comments/import/read';
import { planImport } from '../lib/comments/import/to-records';
import { formatImportSummary, writeForeignImport } from '../lib/comments/import/write';
import { CommentImportError, importComments } from '../lib/comments/transfer';
import { closeDb, createDb } from '../lib/db/client';
import { migrateDatabase } from '../lib/db/migrate';
import { databaseTarget } from '../lib/db/target';
import { env } from '../lib/env';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const [input] = positionals;
if (!input || positionals.length > 1) {
  console.error('Usage: npm run comments:import -- <file>   (a Duizhao JSON export, a Disqus XML export, or a Waline / Valine JSON export)');
  process.exit(2);
}

// npm runs scripts from the package folder; a relative path means the caller's folder.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), input);
const text = await readFile(file, 'utf8').catch((error: unknown) => {
  console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
try {
  const read = readCommentsExport(text);
  const target = databaseTarget(env.databaseUrl);
  await migrateDatabase(target);
  const db = await createDb(target);
  const where = target.provider === 'sqlite' ? target.file : 'PostgreSQL';
  try {
    if (read.kind === 'duizhao') {
      const { comments, flags } = await importComments(db, read.data);
      console.log(`Imported ${comments} comment(s) and ${flags} flag(s) into ${where}.`);
    } else {
      const { posts, config } = await getSite();
      const plan = planImport(read.data, { baseurl: config.baseurl, posts });
      const result = await writeForeignImport(db, plan);
      console.log(formatImportSummary(read.data.system, plan, result));
      console.log(`Written to ${where}.`);
    }
  } finally {
    await closeDb(db);
  }
} catch (error) {
  if (!(error instanceof CommentImportError || error instanceof ForeignExportError)) throw error;
  console.error(`Cannot import ${file}:\n${error.message}`);
  process.exitCode = 1;
}
