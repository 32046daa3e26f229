/**
 * zod for code a page loads. zod compiles object schemas with `new Function` when it may, and to
 * find out whether it may, it tries one: a page's Content-Security-Policy (lib/http/page-policy.mjs)
 * forbids that and reports it as a violation, though zod catches the error. In jitless mode zod
 * neither tries nor compiles. Browser code imports zod from here (ESLint holds it to that).
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
