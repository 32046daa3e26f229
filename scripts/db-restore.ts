/**
 * `npm run db:restore -- <file>`: puts a backup made by `npm run db:backup` back into the SQLite
 * database (lib/db/backup.ts), after keeping what the database held in `backups/`. Stop the site
 * first: a running instance keeps pages and threads in memory. On PostgreSQL it prints the
 * `pg_restore` command instead.
 */
import path from 'node:path';
import { defaultBackupDir, postgresBackupCommands, restoreSqlite } from '../lib/db/backup';
import { databaseTarget } from '../lib/db/target';
import { env } from '../lib/env';

const target = databaseTarget(env.databaseUrl);
const named = process.argv[2];

if (!named) {
  console.error('Usage: npm run db:restore -- <backup file>');
  process.exit(2);
}
if (target.provider === 'postgres') {
  console.log('The database is PostgreSQL: with every instance stopped, restore a pg_dump backup with:');
  console.log(`  ${postgresBackupCommands(target.url, named).restore}`);
} else {
  try {
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), named);
    const { restored, previous } = await restoreSqlite(file, target.file, defaultBackupDir(target.file));
    if (previous) console.log(`Kept the database as it was in ${previous.file} (${previous.comments} comment(s), ${previous.notes} note(s)).`);
    console.log(`Restored ${file} into ${target.file}: ${restored.comments} comment(s), ${restored.notes} note(s), migration ${restored.migration}; integrity check ok.`);
    console.log('Start the site again (npm start): it applies any newer migrations and serves the restored comments and notes.');
  } catch (error) {
    console.error(`Restore failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
