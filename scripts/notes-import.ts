/**
 * `npm run notes:import -- <file>`: reads a W3C AnnotationCollection (from `notes:export`, or from
 * any W3C annotation server) into DATABASE_URL's reader notes, anchoring each note in the posts of
 * CONTENT_DIR (lib/notes/import.ts), and prints what it took and every note it could not, with
 * why. Safe to run again: nothing is doubled. Run under the `react-server` export condition (see
 * package.json), which lets a plain Node process load lib/db/client past its `server-only` guard.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getPosts } from '../lib/content/posts';
import { closeDb, createDb } from '../lib/db/client';
import { migrateDatabase } from '../lib/db/migrate';
import { databaseTarget } from '../lib/db/target';
import { env } from '../lib/env';
import { formatNotesImport, importNotes, NotesImportError } from '../lib/notes/import';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const [input] = positionals;
if (!input || positionals.length > 1) {
  console.error('Usage: npm run notes:import -- <file>   (a W3C AnnotationCollection in JSON-LD)');
  process.exit(2);
}
// npm runs scripts from the package folder; a relative path means the caller's folder.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), input);
const text = await readFile(file, 'utf8').catch((error: unknown) => {
  console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const target = databaseTarget(env.databaseUrl);
await migrateDatabase(target);
const db = await createDb(target);
try {
  const report = await importNotes(db, text, { posts: await getPosts(), siteUrl: env.siteUrl });
  console.log(formatNotesImport(report));
} catch (error) {
  if (!(error instanceof NotesImportError)) throw error;
  console.error(`Cannot import ${file}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await closeDb(db);
}
