/**
 * `npm run db:backup [-- <file>]`: a consistent copy of the SQLite database, taken while the site
 * runs (lib/db/backup.ts), to the file named or to a timestamped file in `backups/` beside the
 * database. On PostgreSQL it prints the `pg_dump` and `pg_restore` commands to run instead.
 */
import path from 'node:path';
import { backupFileName, backupSqlite, defaultBackupDir, postgresBackupCommands } from '../lib/db/backup';
import { databaseTarget } from '../lib/db/target';
import { env } from '../lib/env';

const target = databaseTarget(env.databaseUrl);
const named = process.argv[2];

if (target.provider === 'postgres') {
  const commands = postgresBackupCommands(target.url, named);
  console.log('The database is PostgreSQL: back it up with its own tool, which reads a consistent snapshot while the site runs:');
  console.log(`  ${commands.backup}`);
  console.log('and restore it (every instance stopped) with:');
  console.log(`  ${commands.restore}`);
} else {
  // npm runs scripts from the package folder; a relative path means the caller's folder.
  const destination = named ? path.resolve(process.env.INIT_CWD ?? process.cwd(), named) : path.join(defaultBackupDir(target.file), backupFileName());
  try {
    const backup = backupSqlite(target.file, destination);
    console.log(`Backed up ${target.file} to ${backup.file}: ${backup.bytes} bytes, ${backup.comments} comment(s), ${backup.notes} note(s), migration ${backup.migration}; integrity check ok.`);
  } catch (error) {
    console.error(`Backup failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
