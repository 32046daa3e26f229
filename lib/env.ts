/**
 * Settings read from the environment, validated once. Everything has a default that works on a
 * fresh machine with nothing configured.
 */
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The public origin of the site, for canonical URLs, feeds and share cards. */
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  CONTENT_DIR: z.string().min(1).optional(),
});

export type Env = {
  port: number;
  host: string;
  siteUrl: string;
  contentDir: string;
};

function readEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const { PORT, HOST, SITE_URL, CONTENT_DIR } = parsed.data;
  const shownHost = HOST === '0.0.0.0' || HOST === '::' ? 'localhost' : HOST;
  return {
    port: PORT,
    host: HOST,
    siteUrl: (SITE_URL ?? `http://${shownHost}:${PORT}`).replace(/\/+$/, ''),
    contentDir: CONTENT_DIR ? path.resolve(/* turbopackIgnore: true */ CONTENT_DIR) : path.join(process.cwd(), 'content', 'posts'),
  };
}

export const env: Env = readEnv();
