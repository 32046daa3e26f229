/**
 * zod for code a page loads. zod compiles object schemas with `new Function` when it may, and to
 * find out whether it may, it tries one: a page's Content-Security-Policy (lib/http/page-policy.mjs)
 * forbids that and reports it as a violation, though zod catches the error. In jitless mode zod
 * neither tries nor compiles. Browser code imports zod from here (ESLint holds it to that), as a
 * namespace: `import * as z from '@/lib/browser-zod'`.
 *
 * Only the functions pages use are named here. Re-exporting zod's whole namespace as one object
 * kept all of it in the page's JavaScript, its error messages in every language included (about
 * 80 KB of brotli); named, the bundler keeps what is used.
 */
import { config } from 'zod/mini';

config({ jitless: true });

export { array, boolean, enum, literal, minLength, nullable, number, object, optional, record, string, unknown } from 'zod/mini';
export type { infer, ZodMiniType } from 'zod/mini';
