/**
 * Settings read from the environment, validated once. Everything has a default that works on a
 * fresh machine with nothing configured.
 */
import path from 'node:path';
import { z } from 'zod';
import { SESSION_SECRET_MIN_LENGTH } from './session-secret.mjs';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The public origin of the site, for canonical URLs, feeds and share cards. */
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  CONTENT_DIR: z.string().min(1).optional(),
  /** `postgres://...` for PostgreSQL; a file path or `file:` URL for SQLite; default `data/duizhao.db`. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Enables the moderation pages; compared in constant time. */
  ADMIN_TOKEN: z.string().min(12, 'must be at least 12 characters').optional(),
  COMMENTS_PREMODERATE: z.enum(['0', '1', 'true', 'false']).optional(),
  COMMENTS_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(3),
  COMMENTS_RATE_PER_DAY: z.coerce.number().int().min(1).default(30),
  /** Reading notes come in bursts while a reader works through a post: a looser allowance of their own. */
  NOTES_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  NOTES_RATE_PER_DAY: z.coerce.number().int().min(1).default(500),
  /** Keep rate limits in Redis instead of the database. */
  REDIS_URL: z.string().min(1).optional(),
  /** Signs cookies and keys address hashes; required on a public HOST (lib/session-secret.mjs). */
  SESSION_SECRET: z.string().min(SESSION_SECRET_MIN_LENGTH, `must be at least ${SESSION_SECRET_MIN_LENGTH} characters`).optional(),
  /** Comma-separated addresses of reverse proxies whose X-Forwarded-For is trusted. */
  TRUSTED_PROXIES: z.string().optional(),
});

export type Env = {
  port: number;
  host: string;
  siteUrl: string;
  contentDir: string;
  databaseUrl: string;
  adminToken: string | null;
  premoderate: boolean;
  ratePerMinute: number;
  ratePerDay: number;
  notesPerMinute: number;
  notesPerDay: number;
  redisUrl: string | null;
  /** null: the secret kept in the database (lib/db/settings.ts) is used. */
  sessionSecret: string | null;
  trustedProxies: string[];
};

function readEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const { PORT, HOST, SITE_URL, CONTENT_DIR, DATABASE_URL, ADMIN_TOKEN } = parsed.data;
  const shownHost = HOST === '0.0.0.0' || HOST === '::' ? 'localhost' : HOST;
  return {
    port: PORT,
    host: HOST,
    siteUrl: (SITE_URL ?? `http://${shownHost}:${PORT}`).replace(/\/+$/, ''),
    contentDir: CONTENT_DIR ? path.resolve(/* turbopackIgnore: true */ CONTENT_DIR) : path.join(process.cwd(), 'content', 'posts'),
    databaseUrl: DATABASE_URL ?? path.join(process.cwd(), 'data', 'duizhao.db'),
    adminToken: ADMIN_TOKEN ?? null,
    premoderate: parsed.data.COMMENTS_PREMODERATE === '1' || parsed.data.COMMENTS_PREMODERATE === 'true',
    ratePerMinute: parsed.data.COMMENTS_RATE_PER_MINUTE,
    ratePerDay: parsed.data.COMMENTS_RATE_PER_DAY,
    notesPerMinute: parsed.data.NOTES_RATE_PER_MINUTE,
    notesPerDay: parsed.data.NOTES_RATE_PER_DAY,
    redisUrl: parsed.data.REDIS_URL ?? null,
    sessionSecret: parsed.data.SESSION_SECRET ?? null,
    trustedProxies: (parsed.data.TRUSTED_PROXIES ?? '').split(',').map((each) => each.trim()).filter(Boolean),
  };
}

export const env: Env = readEnv();
