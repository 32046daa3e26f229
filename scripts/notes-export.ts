/**
 * `npm run notes:export -- [--post <slug> | --all] [--private] [--out notes.jsonld]`: a post's
 * reader notes, or every post's, as one W3C AnnotationCollection in JSON-LD (lib/notes/export.ts),
 * to the file or to standard output. Private notes only with `--private`.
 * Run under the `react-server` export condition (see package.json), which lets a plain Node
 * process load lib/db/client past its `server-only` guard.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getPost, getSite } from '../lib/content/posts';
import { closeDb, createDb } from '../lib/db/client';
import { migrateDatabase } from '../lib/db/migrate';
import { siteSecret } from '../lib/db/settings';
import { databaseTarget } from '../lib/db/target';
import { env } from '../lib/env';
import { exportNotes } from '../lib/notes/export';

const { values } = parseArgs({ options: { post: { type: 'string' }, all: { type: 'boolean' }, private: { type: 'boolean' }, out: { type: 'string', short: 'o' } } });
if ((values.post === undefined) === (values.all !== true)) {
  console.error('Usage: npm run notes:export -- (--post <slug> | --all) [--private] [--out <file>]');
  process.exit(2);
}
const post = values.post === undefined ? null : await getPost(values.post);
if (values.post !== undefined && !post) {
  console.error(`No post "${values.post}" in ${env.contentDir}.`);
  process.exit(1);
}
const target = databaseTarget(env.databaseUrl);
await migrateDatabase(target);
const db = await createDb(target);
try {
  const label = post?.title ?? (await getSite()).config.title ?? env.siteUrl;
  const collection = await exportNotes(db, { slug: post?.slug ?? null, includePrivate: values.private === true, label, siteUrl: env.siteUrl, secret: await siteSecret(db) });
  const json = `${JSON.stringify(collection, null, 2)}\n`;
  if (values.out) {
    // npm runs scripts from the package folder; a relative path means the caller's folder.
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
    await writeFile(file, json);
    console.error(`Exported ${collection.total} note(s) to ${file}`);
  } else {
    process.stdout.write(json);
  }
} finally {
  await closeDb(db);
}
