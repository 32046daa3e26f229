/**
 * `npm run comments:export [-- --out comments.json]`: every comment and flag in DATABASE_URL as
 * JSON (see lib/comments/transfer.ts), to the file or to standard output.
 * Run under the `react-server` export condition (see package.json), which lets a plain Node
 * process load lib/db/client past its `server-only` guard.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportComments, serializeCommentExport } from '../lib/comments/transfer';
import { closeDb, createDb } from '../lib/db/client';
import { migrateDatabase } from '../lib/db/migrate';
import { databaseTarget } from '../lib/db/target';
import { env } from '../lib/env';

const { values } = parseArgs({ options: { out: { type: 'string', short: 'o' } } });
const target = databaseTarget(env.databaseUrl);
await migrateDatabase(target);
const db = await createDb(target);
try {
  const data = await exportComments(db);
  const json = serializeCommentExport(data);
  if (values.out) {
    // npm runs scripts from the package folder; a relative path means the caller's folder.
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
    await writeFile(file, json);
    console.error(`Exported ${data.comments.length} comment(s) and ${data.flags.length} flag(s) to ${file}`);
  } else {
    process.stdout.write(json);
  }
} finally {
  await closeDb(db);
}
