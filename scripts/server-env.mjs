// @ts-check
/**
 * The environment the production server (scripts/server.mjs) runs in, besides the site's own
 * settings: shared by scripts/start.mjs, which starts it for a user, and by whatever else starts it
 * the same way (the benchmarks, the integration tests).
 *
 * MALLOC_ARENA_MAX: glibc gives each thread that allocates its own memory arena, and the threads
 * that compress answers and read files each keep one, mostly empty after the work is done. Two
 * arenas hold the server's memory at what it uses (measured: a peak of 422 MB instead of 529 MB
 * over the same 6,000 mixed requests). Read by glibc when the process starts, so it is set here
 * and not by the server itself.
 */
/** @type {{ NODE_ENV: 'production', MALLOC_ARENA_MAX: string }} */
export const SERVER_PROCESS_ENV = { NODE_ENV: 'production', MALLOC_ARENA_MAX: '2' };
