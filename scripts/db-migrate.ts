/**
 * `npm run db:migrate`: applies the committed SQL migrations to DATABASE_URL (default: the SQLite
 * file in data/). `npm start` runs it too; running it again changes nothing.
 */
import { env } from '../lib/env';
import { migrateDatabase } from '../lib/db/migrate';
import { databaseTarget } from '../lib/db/target';

const target = databaseTarget(env.databaseUrl);
const { applied } = await migrateDatabase(target);
const where = target.provider === 'sqlite' ? target.file : 'PostgreSQL';
console.log(applied.length === 0 ? `Database is up to date (${where}).` : `Applied ${applied.length} migration(s) to ${where}: ${applied.map((file) => file.split('/').pop()).join(', ')}`);
