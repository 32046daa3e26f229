/**
 * `npm run comments:import -- comments.json`: writes an export (lib/comments/transfer.ts) into
 * DATABASE_URL. Safe to run again: comments and flags are upserted by id.
 * Run under the `react-server` export condition (see package.json), which lets a plain Node
 * process load lib/db/client past its `server-only` guard.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CommentImportError, importComments, parseCommentExport } from '../lib/comments/transfer';
import { closeDb, createDb } from '../lib/db/client';
import { migrateDatabase } from '../lib/db/migrate';
import { databaseTarget } from '../lib/db/target';
import { env } from '../lib/env';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const [input] = positionals;
if (!input || positionals.length > 1) {
  console.error('Usage: npm run comments:import -- <file.json>');
  process.exit(2);
}

// npm runs scripts from the package folder; a relative path means the caller's folder.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), input);
const text = await readFile(file, 'utf8').catch((error: unknown) => {
  console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
try {
  const data = parseCommentExport(text);
  const target = databaseTarget(env.databaseUrl);
  await migrateDatabase(target);
  const db = await createDb(target);
  try {
    const { comments, flags } = await importComments(db, data);
    const where = target.provider === 'sqlite' ? target.file : 'PostgreSQL';
    console.log(`Imported ${comments} comment(s) and ${flags} flag(s) into ${where}.`);
  } finally {
    await closeDb(db);
  }
} catch (error) {
  if (!(error instanceof CommentImportError)) throw error;
  console.error(`Cannot import ${file}:\n${error.message}`);
  process.exitCode = 1;
}
