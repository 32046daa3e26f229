/**
 * What the form fuzzing files share: a server per database with the admin page on and the rate
 * limits out of the way, what the database holds that a form may change (comments, flags, notes,
 * settings) read straight from it, and a tally per form of the answers and of every failure, one
 * reproduction kept per kind of failure (the shortest), so that a run names each distinct problem
 * instead of stopping at the first.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { expect } from 'vitest';
import { createTempDatabase, type Provider, type TempDatabase } from './databases';
import { CROSS_SITE_ORIGIN, describePlan, describeRequest, simplerPlans, type Plan } from './form-mutations';
import type { Answer, RawPost } from './page-forms';
import { LIMITS_OFF_ENV, startServer, type RunningServer } from './server';

export const FORM_RUNS = Number(process.env.FORM_FUZZ_RUNS ?? 100);
export const ADMIN_TOKEN = 'form-fuzz-admin-token-5d0e93b1';
export const FORM_FUZZ_ENV = {
  TRUSTED_PROXIES: '127.0.0.1',
  ADMIN_TOKEN,
  ...LIMITS_OFF_ENV,
};

/** Rows a form may change, by `table:key`, each as JSON (rate-limit counters left out: refusals count). */
export type State = Map<string, string>;

const STATE_QUERIES: Record<string, string> = {
  comment: 'SELECT "id" AS "key", "postSlug", "parentId", "authorName", "bodySource", "status", "deleted", "flagCount", "editedAt" FROM "Comment"',
  flag: 'SELECT "commentId" || \':\' || "reporterHash" AS "key" FROM "CommentFlag"',
  note: 'SELECT "id" AS "key", "parentId", "bodySource", "visibility", "status", "deleted", "updatedAt" FROM "Note"',
  setting: 'SELECT "key", "value" FROM "Setting"',
};

export type StateReader = { read(): Promise<State>; close(): Promise<void> };

export async function stateReader(database: TempDatabase): Promise<StateReader> {
  const collect = (table: string, rows: Record<string, unknown>[], state: State) => {
    for (const row of rows) state.set(`${table}:${String(row.key)}`, JSON.stringify(row, (_, value: unknown) => (value instanceof Date ? value.toISOString() : value)));
  };
  if (database.target.provider === 'sqlite') {
    const db = new Database(database.target.file, { readonly: true, fileMustExist: true });
    return {
      read: async () => {
        const state: State = new Map();
        for (const [table, sql] of Object.entries(STATE_QUERIES)) collect(table, db.prepare(sql).all() as Record<string, unknown>[], state);
        return state;
      },
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client({ connectionString: database.target.url });
  await client.connect();
  // One connection runs one query at a time: reads asked for at once wait for each other here,
  // since pg deprecates queueing overlapping queries on a client.
  let previous: Promise<unknown> = Promise.resolve();
  const readAll = async () => {
    const state: State = new Map();
    for (const [table, sql] of Object.entries(STATE_QUERIES)) collect(table, (await client.query<Record<string, unknown>>(sql)).rows, state);
    return state;
  };
  return {
    read: () => {
      const next = previous.then(readAll, readAll);
      previous = next.catch(() => undefined);
      return next;
    },
    close: () => client.end(),
  };
}

export type StateDiff = { added: string[]; removed: string[]; changed: string[] };

export function diffStates(before: State, after: State): StateDiff {
  return {
    added: [...after.keys()].filter((key) => !before.has(key)),
    removed: [...before.keys()].filter((key) => !after.has(key)),
    changed: [...after.keys()].filter((key) => before.has(key) && before.get(key) !== after.get(key)),
  };
}

export const isEmptyDiff = (diff: StateDiff) => diff.added.length + diff.removed.length + diff.changed.length === 0;

export type FormServer = { database: TempDatabase; server: RunningServer; state: StateReader };

export async function startFormServer(provider: Provider, label: string): Promise<FormServer> {
  const database = await createTempDatabase(provider);
  const server = await startServer({ databaseUrl: database.url, label: `${provider} (${label})`, env: FORM_FUZZ_ENV });
  return { database, server, state: await stateReader(database) };
}

export async function stopFormServer(running: FormServer | undefined): Promise<void> {
  await running?.state.close();
  await running?.server.stop();
  await running?.database.drop();
}

/** At most this many requests to make a failure smaller. */
const MINIMIZE_TRIES = 25;

/** Sends the same form again under another plan; `fieldNames` names the form's fields for the report. */
export type Resend = ((plan: Plan) => Promise<{ request: RawPost; answer: Answer }>) & { fieldNames?: (plan: Plan) => string[] };

function problemOf(plan: Plan, request: RawPost, answer: Answer): string | null {
  const crossSite = request.headers.origin === CROSS_SITE_ORIGIN;
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (crossSite && answer.status !== 403) return `answered ${answer.status}, not 403, from another site`;
  if (plan.encoding === 'over 1 MB' && !crossSite && answer.status !== 413) return `answered ${answer.status}, not 413, over 1 MB`;
  return null;
}

type Failure = { kind: string; request: RawPost; answer: Answer; detail: string };

/** Answers and failures of the runs, per form. */
export class FormTally {
  private readonly statuses = new Map<string, Record<string, number>>();
  private readonly runs = new Map<string, number>();
  private readonly failures = new Map<string, Failure>();
  private readonly failureCounts = new Map<string, number>();

  constructor(private readonly provider: string) {}

  record(form: string, answer: Answer): void {
    const statuses = this.statuses.get(form) ?? {};
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    this.statuses.set(form, statuses);
    this.runs.set(form, (this.runs.get(form) ?? 0) + 1);
  }

  /** Keeps the shortest request of each kind of failure (what went wrong, and what the plan changed). */
  fail(form: string, what: string, plan: Plan, request: RawPost, answer: Answer, detail = '', fieldNames: readonly string[] = []): void {
    const kind = `${form}: ${what}, after ${describePlan(plan, fieldNames)}`;
    this.failureCounts.set(kind, (this.failureCounts.get(kind) ?? 0) + 1);
    const kept = this.failures.get(kind);
    if (!kept || request.body.length < kept.request.body.length) this.failures.set(kind, { kind, request, answer, detail });
  }

  /**
   * The checks every answer gets: never a 5xx; over 1 MB is 413; another site's Origin is 403.
   * A failure is sent again with one change of its plan undone at a time (`resend`), keeping each
   * undoing that fails the same way: what is kept is the smallest plan that still fails.
   */
  async check(form: string, plan: Plan, request: RawPost, answer: Answer, resend?: Resend): Promise<boolean> {
    this.record(form, answer);
    const problem = problemOf(plan, request, answer);
    if (problem === null) return true;
    let smallest = { plan, request, answer };
    for (let tries = 0, simpler = resend ? simplerPlans(plan) : []; simpler.length > 0 && tries < MINIMIZE_TRIES; ) {
      const candidate = simpler.shift();
      if (!candidate) break;
      tries += 1;
      const again = await resend?.(candidate);
      if (again && problemOf(candidate, again.request, again.answer) === problem) {
        smallest = { plan: candidate, ...again };
        simpler = simplerPlans(candidate);
      }
    }
    this.fail(form, problem, smallest.plan, smallest.request, smallest.answer, '', resend?.fieldNames?.(smallest.plan));
    return false;
  }

  print(label: string): void {
    const lines = [...this.runs].map(([form, runs]) => `  ${form}: ${runs} requests, answers by status ${JSON.stringify(this.statuses.get(form))}`);
    console.log(`[integration] ${this.provider} ${label}:\n${lines.join('\n')}\n  distinct failures: ${this.failures.size}`);
  }

  /** Fails the test with every distinct failure, each with its reproduction. */
  expectNoFailures(): void {
    const report = [...this.failures.values()].map(
      (failure) =>
        `■ ${failure.kind} (${this.failureCounts.get(failure.kind)}×)${failure.detail ? `\n${failure.detail}` : ''}\n${describeRequest(failure.request)}\n→ ${failure.answer.status} ${JSON.stringify(failure.answer.text.slice(0, 200))}`,
    );
    if (report.length > 0) console.log(`[integration] ${this.provider} form fuzzing failures:\n${report.join('\n\n')}`);
    expect(report.map((each) => each.split('\n')[0]), report.join('\n\n')).toEqual([]);
  }
}

/** Runs the property FORM_RUNS times (a seed from FORM_FUZZ_SEED when set, to replay a run). */
export async function fuzz<T>(arbitrary: fc.Arbitrary<T>, run: (value: T) => Promise<void>, runs = FORM_RUNS): Promise<void> {
  const seed = process.env.FORM_FUZZ_SEED ? Number(process.env.FORM_FUZZ_SEED) : undefined;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      await run(value);
    }),
    { numRuns: runs, endOnFailure: true, ...(seed === undefined ? {} : { seed }) },
  );
}
