/**
 * Migrations and schema, on a real SQLite file and a real PostgreSQL database: the committed SQL
 * migrations apply once, are idempotent, survive instances migrating at the same moment (in one
 * process and from separate processes), and yield exactly the tables and columns the Prisma
 * schema describes, every model and field of which works through the app's own client.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, createDb, walSyncsOf, type Db } from '../../lib/db/client';
import { Prisma as PostgresPrisma } from '../../lib/db/generated/postgres/client';
import { Prisma } from '../../lib/db/generated/sqlite/client';
import { migrateDatabase, type MigrationResult } from '../../lib/db/migrate';
import type { DatabaseTarget } from '../../lib/db/target';
import {
  PROVIDERS,
  appliedVersions,
  databasePool,
  listColumns,
  listTables,
  migrationFiles,
  postgresUnavailableReason,
  type Provider,
  type TempDatabase,
} from './databases';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const HOOK_TIMEOUT = 120_000;
const pgUnavailable = await postgresUnavailableReason();

// ---------------------------------------------------------------------------------------------
// What the Prisma schema says, from the generated client (model and field names) and from
// prisma/models.prisma (each scalar field's type and whether it is optional).

type Row = Record<string, unknown>;
type ScalarType = 'String' | 'Int' | 'BigInt' | 'Boolean' | 'DateTime';
type FieldSpec = { name: string; type: ScalarType; optional: boolean };

const modelNames = Object.values(Prisma.ModelName).sort();

function scalarFieldsOf(model: string, namespace: object = Prisma): string[] {
  const fields = (namespace as Record<string, Record<string, string> | undefined>)[`${model}ScalarFieldEnum`];
  if (!fields) throw new Error(`the generated client has no ${model}ScalarFieldEnum`);
  return Object.values(fields).sort();
}

/** Scalar fields per model as written in prisma/models.prisma (relation fields left out). */
function schemaFields(): Map<string, FieldSpec[]> {
  const text = readFileSync(path.join(ROOT, 'prisma', 'models.prisma'), 'utf8');
  const models = new Map<string, FieldSpec[]>();
  for (const block of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, name = '', body = ''] = block;
    const fields: FieldSpec[] = [];
    for (const line of body.split('\n')) {
      const match = /^\s*(\w+)\s+(String|Int|BigInt|Boolean|DateTime)(\?)?(?:\s|$)/.exec(line);
      if (match?.[1] && match[2]) fields.push({ name: match[1], type: match[2] as ScalarType, optional: match[3] === '?' });
    }
    models.set(name, fields);
  }
  return models;
}

const SQL_TYPES: Record<Provider, Record<ScalarType, string>> = {
  sqlite: { String: 'TEXT', Int: 'INTEGER', BigInt: 'BIGINT', Boolean: 'BOOLEAN', DateTime: 'DATETIME' },
  postgres: { String: 'text', Int: 'integer', BigInt: 'bigint', Boolean: 'boolean', DateTime: 'timestamp without time zone' },
};

// ---------------------------------------------------------------------------------------------
// One create/read/update/delete case per model. Each row gives every scalar field explicitly
// (checked below against the generated client), with values that catch lossy storage: astral and
// CJK text, ms-precision dates, booleans both ways, NULL and non-NULL in every nullable field.

type Delegate = {
  create(args: { data: Row }): Promise<Row>;
  findUnique(args: { where: Row }): Promise<Row | null>;
  findUniqueOrThrow(args: { where: Row }): Promise<Row>;
  update(args: { where: Row; data: Row }): Promise<Row>;
  delete(args: { where: Row }): Promise<Row>;
};

const delegateOf = (db: Db, model: string): Delegate => {
  const delegate = (db as unknown as Record<string, Delegate | undefined>)[model.charAt(0).toLowerCase() + model.slice(1)];
  if (!delegate) throw new Error(`the client has no delegate for ${model}`);
  return delegate;
};

type ModelCase = {
  /** Rows the case needs to exist first (created and removed around it). */
  setup?: (db: Db) => Promise<void>;
  teardown?: (db: Db) => Promise<void>;
  rows: Row[];
  key: (row: Row) => Row;
  /** New values for every non-key field, per row. */
  updates: Row[];
};

const at = (iso: string) => new Date(iso);

const commentRow = (id: string, overrides: Row = {}): Row => ({
  id,
  postSlug: 'docker-and-hyper',
  parentId: null,
  authorName: '张三 🐼',
  email: null,
  website: null,
  bodySource: '第一条评论 **粗体** 𠀀',
  bodyHash: null,
  bodyHtml: '<p>第一条评论 <strong>粗体</strong> 𠀀</p>',
  lang: 'zh',
  status: 'published',
  deleted: false,
  ipHash: 'hash-of-address-0000',
  linkCount: 0,
  flagCount: 0,
  createdAt: at('2024-02-29T23:59:58.123Z'),
  editedAt: null,
  ...overrides,
});

const noteRow = (id: string, overrides: Row = {}): Row => ({
  id,
  postSlug: 'docker-and-hyper',
  parentId: null,
  readerId: 'reader-id-0000',
  addressHash: 'hash-of-address-0000',
  visibility: 'public',
  layer: 'zh',
  blockId: '结-p1',
  start: 0,
  end: 2_147_483_647,
  exact: '蓝鲸 🐳 𠀀',
  prefix: null,
  suffix: '之后',
  bodySource: '批注 **粗体** 𠀀',
  bodyHtml: '<p>批注 <strong>粗体</strong> 𠀀</p>',
  lang: 'zh',
  tags: '["docker","虚拟化"]',
  status: 'published',
  deleted: false,
  via: null,
  canonical: 'urn:uuid:6b1f0c7e-0d55-4c1a-9a57-3f1d2e4c5b6a',
  createdAt: at('2024-02-29T23:59:58.123Z'),
  updatedAt: at('2024-03-01T00:00:00.001Z'),
  ...overrides,
});

const MODEL_CASES: Record<string, ModelCase> = {
  Note: {
    rows: [
      noteRow('crud-note'),
      noteRow('crud-note-reply', {
        parentId: 'crud-note',
        readerId: 'reader-id-1111',
        addressHash: 'hash-of-address-1111',
        visibility: 'private',
        layer: null,
        blockId: null,
        start: null,
        end: null,
        exact: null,
        prefix: null,
        suffix: null,
        bodySource: 'A reply',
        bodyHtml: '<p>A reply</p>',
        lang: 'en',
        tags: '[]',
        status: 'spam',
        deleted: true,
        createdAt: at('1999-12-31T23:59:59.999Z'),
        updatedAt: at('2000-01-01T00:00:00.001Z'),
      }),
    ],
    key: (row) => ({ id: row.id }),
    updates: [
      {
        postSlug: 'other-post',
        readerId: 'reader-id-2222',
        addressHash: 'hash-2',
        visibility: 'private',
        layer: 'en',
        blockId: 'docker-p2',
        start: 10,
        end: 24,
        exact: 'a gloss',
        prefix: '前文 ',
        suffix: null,
        bodySource: '改过的',
        bodyHtml: '<p>改过的</p>',
        lang: 'en',
        tags: '[]',
        status: 'spam',
        deleted: true,
        via: 'https://elsewhere.example/annotations/读者-1',
        canonical: null,
        createdAt: at('2030-06-15T12:00:00.500Z'),
        updatedAt: at('2030-06-15T12:05:00.000Z'),
      },
      {
        parentId: null,
        readerId: 'reader-id-3333',
        addressHash: 'hash-3',
        visibility: 'public',
        layer: 'zh',
        blockId: 'top-p1',
        start: 0,
        end: 1,
        exact: '我',
        prefix: '',
        suffix: '',
        bodySource: '',
        bodyHtml: '',
        lang: 'zh',
        tags: '["标签"]',
        status: 'published',
        deleted: false,
        via: null,
        canonical: 'https://example.org/canonical/2',
        createdAt: at('2024-01-01T00:00:00.000Z'),
        updatedAt: at('2024-01-01T00:00:00.000Z'),
      },
    ],
  },
  Comment: {
    rows: [
      commentRow('crud-parent'),
      commentRow('crud-reply', {
        parentId: 'crud-parent',
        authorName: 'Reader',
        email: 'reader@example.com',
        website: 'https://example.com/~reader',
        bodySource: 'A reply with a link https://example.com',
        bodyHash: 'uJ0b1Z2nY8QJvZp0x1Hq3m4Wf8r2c6Ue9Tt5Ks7Lg0A',
        bodyHtml: '<p>A reply</p>',
        lang: 'en',
        status: 'pending',
        deleted: true,
        ipHash: 'hash-of-address-1111',
        linkCount: 2_147_483_647,
        flagCount: 3,
        createdAt: at('1999-12-31T23:59:59.999Z'),
        editedAt: at('2000-01-01T00:00:00.001Z'),
      }),
    ],
    key: (row) => ({ id: row.id }),
    updates: [
      {
        postSlug: 'other-post',
        authorName: '李四',
        email: 'li@example.org',
        website: 'http://example.org',
        bodySource: '改过的',
        bodyHash: 'a-hash-of-改过的',
        bodyHtml: '<p>改过的</p>',
        lang: 'en',
        status: 'spam',
        deleted: true,
        ipHash: 'hash-2',
        linkCount: 5,
        flagCount: 9,
        createdAt: at('2030-06-15T12:00:00.500Z'),
        editedAt: at('2030-06-15T12:05:00.000Z'),
      },
      {
        parentId: null,
        authorName: 'Reader (edited)',
        email: null,
        website: null,
        bodySource: '',
        bodyHash: null,
        bodyHtml: '',
        lang: 'zh',
        status: 'published',
        deleted: false,
        ipHash: 'hash-3',
        linkCount: 0,
        flagCount: 0,
        createdAt: at('2024-01-01T00:00:00.000Z'),
        editedAt: null,
      },
    ],
  },
  CommentFlag: {
    setup: async (db) => {
      await db.comment.create({ data: commentRow('flag-target') as Prisma.CommentUncheckedCreateInput });
    },
    teardown: async (db) => {
      await db.comment.deleteMany({ where: { id: 'flag-target' } });
    },
    rows: [
      { commentId: 'flag-target', reporterHash: 'reader-a', createdAt: at('2024-03-10T08:30:00.250Z') },
      { commentId: 'flag-target', reporterHash: 'reader-b 读者', createdAt: at('2025-11-02T01:30:00.000Z') },
    ],
    key: (row) => ({ commentId_reporterHash: { commentId: row.commentId, reporterHash: row.reporterHash } }),
    updates: [{ createdAt: at('2026-01-01T00:00:00.007Z') }, { createdAt: at('1970-01-01T00:00:00.000Z') }],
  },
  RetiredNoteId: {
    rows: [
      { id: 'retired-note', retiredAt: at('2024-03-10T08:30:00.250Z') },
      { id: 'my_first_annotation', retiredAt: at('1999-12-31T23:59:59.999Z') },
    ],
    key: (row) => ({ id: row.id }),
    updates: [{ retiredAt: at('2030-06-15T12:00:00.500Z') }, { retiredAt: at('1970-01-01T00:00:00.000Z') }],
  },
  RateLimitCounter: {
    rows: [
      { key: 'comments:minute:abc', points: 3, expire: 1_714_885_505_555n },
      { key: 'notes:day:读者', points: 0, expire: null },
    ],
    key: (row) => ({ key: row.key }),
    updates: [{ points: 0, expire: null }, { points: 2_147_483_647, expire: 4_102_444_799_999n }],
  },
  Setting: {
    rows: [
      { key: 'secret', value: 'c2VjcmV0LXZhbHVl' },
      { key: '设置', value: '' },
    ],
    key: (row) => ({ key: row.key }),
    updates: [{ value: 'rotated' }, { value: '值 🐼 '.repeat(1000) }],
  },
};

// ---------------------------------------------------------------------------------------------

function runMigrationInChild(target: DatabaseTarget, startAt: number): Promise<{ code: number | null; result: MigrationResult | null; output: string }> {
  // Each child loads the app's migrate module, then waits for the shared start time, so that the
  // two really call migrateDatabase at the same moment rather than one after the other's start-up.
  const script = [
    "import { migrateDatabase } from './lib/db/migrate.ts';",
    'const target = JSON.parse(process.env.IT_TARGET);',
    'const wait = Number(process.env.IT_START_AT) - Date.now();',
    'setTimeout(() => migrateDatabase(target).then(',
    "  (result) => console.log('IT_RESULT ' + JSON.stringify(result)),",
    '  (error) => { console.error(error); process.exit(1); },',
    '), Math.max(0, wait));',
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, IT_TARGET: JSON.stringify(target), IT_START_AT: String(startAt) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.split('\n').find((each) => each.startsWith('IT_RESULT '));
      resolve({ code, result: line ? (JSON.parse(line.slice('IT_RESULT '.length)) as MigrationResult) : null, output });
    });
  });
}

const baseNames = (result: MigrationResult) => result.applied.map((file) => path.basename(file));

test('both generated clients (SQLite and PostgreSQL) describe the same models and fields', () => {
  expect(Object.values(PostgresPrisma.ModelName).sort()).toEqual(modelNames);
  for (const model of modelNames) expect(scalarFieldsOf(model, PostgresPrisma), model).toEqual(scalarFieldsOf(model));
});

test('the CRUD cases below cover every model of the generated client and every scalar field of each', () => {
  expect(Object.keys(MODEL_CASES).sort()).toEqual(modelNames);
  const specs = schemaFields();
  for (const model of modelNames) {
    expect(
      (specs.get(model) ?? []).map((field) => field.name).sort(),
      `prisma/models.prisma fields of ${model}`,
    ).toEqual(scalarFieldsOf(model));
    for (const row of MODEL_CASES[model]?.rows ?? []) expect(Object.keys(row).sort(), `a ${model} row`).toEqual(scalarFieldsOf(model));
  }
});

describe.each(PROVIDERS)('migrations and schema on %s', (provider) => {
  const unavailable = provider === 'postgres' ? pgUnavailable : null;
  if (unavailable) console.warn(`[integration] skipping the PostgreSQL schema tests: ${unavailable}`);

  describe.skipIf(unavailable !== null)(provider, () => {
    const pool = databasePool();
    const expectedFiles = migrationFiles(provider);
    const expectedVersions = expectedFiles.map((file) => Number(file.split('.')[0]));

    afterAll(() => pool.dropAll(), HOOK_TIMEOUT);

    async function migrated(): Promise<TempDatabase> {
      const database = await pool.create(provider);
      await migrateDatabase(database.target);
      return database;
    }

    test('there is at least one committed migration', () => {
      expect(expectedFiles.length).toBeGreaterThan(0);
    });

    test('migrateDatabase applies every migration once, and a second run applies nothing', async () => {
      const database = await pool.create(provider);
      const first = await migrateDatabase(database.target);
      expect(baseNames(first)).toEqual(expectedFiles);
      const second = await migrateDatabase(database.target);
      expect(second.applied).toEqual([]);
      expect(await appliedVersions(database)).toEqual(expectedVersions);
    });

    test('two concurrent migrateDatabase calls in one process (Promise.all) both succeed and apply each migration once', async () => {
      const database = await pool.create(provider);
      const started = Date.now();
      const results = await Promise.allSettled([migrateDatabase(database.target), migrateDatabase(database.target)]);
      const failures = results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
      expect(failures, `failed after ${Date.now() - started} ms`).toEqual([]);
      const applied = results.flatMap((result) => (result.status === 'fulfilled' ? baseNames(result.value) : []));
      expect(applied.sort()).toEqual(expectedFiles);
      expect(await appliedVersions(database)).toEqual(expectedVersions);
    }, 60_000);

    test('two separate processes migrating at the same moment both succeed and apply each migration once', async () => {
      const database = await pool.create(provider);
      const startAt = Date.now() + 8_000;
      const children = await Promise.all([runMigrationInChild(database.target, startAt), runMigrationInChild(database.target, startAt)]);
      for (const child of children) {
        expect(child.code, child.output).toBe(0);
        expect(child.result, child.output).not.toBeNull();
      }
      const applied = children.flatMap((child) => (child.result ? baseNames(child.result) : []));
      expect(applied.sort()).toEqual(expectedFiles);
      expect(await appliedVersions(database)).toEqual(expectedVersions);
    }, 120_000);

    test('the migrated database has one table per model (plus the migrations table) and nothing else', async () => {
      const database = await migrated();
      expect(await listTables(database)).toEqual([...modelNames, 'duizhao_migrations'].sort());
    });

    test.each(modelNames)('table %s has exactly the columns of the model, with its types and nullability', async (model) => {
      const database = await migrated();
      const columns = await listColumns(database, model);
      expect(columns.map((column) => column.name).sort()).toEqual(scalarFieldsOf(model));
      const specs = schemaFields().get(model) ?? [];
      for (const spec of specs) {
        const column = columns.find((each) => each.name === spec.name);
        expect(column?.type, `${model}.${spec.name} type`).toBe(SQL_TYPES[provider][spec.type]);
        expect(column?.nullable, `${model}.${spec.name} nullable`).toBe(spec.optional);
      }
    });

    describe('every model and field works through createDb(target)', () => {
      let db: Db;
      let database: TempDatabase;

      afterAll(async () => {
        if (db) await closeDb(db);
      }, HOOK_TIMEOUT);

      test('connect to a migrated database', async () => {
        database = await migrated();
        db = await createDb(database.target);
        expect(await db.comment.count()).toBe(0);
      });

      test.each(modelNames)('%s: create, read back equal values, update every field, delete', async (model) => {
        expect(db, 'the connection test must pass first').toBeDefined();
        const modelCase = MODEL_CASES[model];
        if (!modelCase) throw new Error(`no CRUD case for ${model}`);
        const delegate = delegateOf(db, model);
        await modelCase.setup?.(db);
        try {
          for (const row of modelCase.rows) {
            const created = await delegate.create({ data: row });
            expect(created).toEqual(row);
            expect(await delegate.findUniqueOrThrow({ where: modelCase.key(row) })).toEqual(row);
          }
          for (const [index, row] of modelCase.rows.entries()) {
            const changes = modelCase.updates[index] ?? {};
            const expected = { ...row, ...changes };
            expect(await delegate.update({ where: modelCase.key(row), data: changes })).toEqual(expected);
            expect(await delegate.findUniqueOrThrow({ where: modelCase.key(row) })).toEqual(expected);
          }
          // Children before parents (a reply references its parent).
          for (const row of [...modelCase.rows].reverse()) {
            await delegate.delete({ where: modelCase.key(row) });
            expect(await delegate.findUnique({ where: modelCase.key(row) })).toBeNull();
          }
        } finally {
          await modelCase.teardown?.(db);
        }
      });

      test('defaults: createdAt is now, deleted false, counters 0', async () => {
        const before = Date.now();
        const row = await db.comment.create({
          data: { id: 'defaults', postSlug: 'p', authorName: 'a', bodySource: 'b', bodyHtml: '<p>b</p>', lang: 'zh', status: 'published', ipHash: 'h' },
        });
        const after = Date.now();
        expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1);
        expect(row.createdAt.getTime()).toBeLessThanOrEqual(after + 1);
        expect(row).toMatchObject({ deleted: false, linkCount: 0, flagCount: 0, editedAt: null, email: null, website: null, parentId: null });
        const flag = await db.commentFlag.create({ data: { commentId: 'defaults', reporterHash: 'r' } });
        expect(Math.abs(flag.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
        await db.comment.delete({ where: { id: 'defaults' } });
      });

      test('foreign keys hold: a flag needs its comment, deleting a comment deletes its flags, a parent with replies cannot be deleted', async () => {
        await expect(db.commentFlag.create({ data: { commentId: 'no-such-comment', reporterHash: 'r' } })).rejects.toThrow();
        await db.comment.create({ data: commentRow('fk-parent') as Prisma.CommentUncheckedCreateInput });
        await db.comment.create({ data: commentRow('fk-reply', { parentId: 'fk-parent', bodySource: 'reply' }) as Prisma.CommentUncheckedCreateInput });
        await db.commentFlag.create({ data: { commentId: 'fk-reply', reporterHash: 'r' } });
        await expect(db.comment.delete({ where: { id: 'fk-parent' } })).rejects.toThrow();
        await db.comment.delete({ where: { id: 'fk-reply' } });
        expect(await db.commentFlag.count({ where: { commentId: 'fk-reply' } })).toBe(0);
        await db.comment.delete({ where: { id: 'fk-parent' } });
      });

      test('notes: tags, status and deleted default, and a note with replies cannot be deleted', async () => {
        const note = await db.note.create({
          data: { id: 'note-defaults', postSlug: 'p', readerId: 'r', addressHash: 'h', visibility: 'public', bodySource: 'b', bodyHtml: '<p>b</p>', lang: 'zh' },
        });
        expect(note).toMatchObject({ tags: '[]', status: 'published', deleted: false, parentId: null, layer: null, start: null, end: null });
        expect(Math.abs(note.updatedAt.getTime() - note.createdAt.getTime())).toBeLessThan(60_000);
        await expect(db.note.create({ data: noteRow('note-orphan', { parentId: 'no-such-note' }) as Prisma.NoteUncheckedCreateInput })).rejects.toThrow();
        await db.note.create({ data: noteRow('note-reply', { parentId: 'note-defaults' }) as Prisma.NoteUncheckedCreateInput });
        await expect(db.note.delete({ where: { id: 'note-defaults' } })).rejects.toThrow();
        expect(await db.note.deleteMany({ where: { id: 'note-defaults', replies: { none: {} } } })).toEqual({ count: 0 });
        await db.note.delete({ where: { id: 'note-reply' } });
        expect(await db.note.deleteMany({ where: { id: 'note-defaults', replies: { none: {} } } })).toEqual({ count: 1 });
      });

      test.runIf(provider === 'sqlite')('SQLite: the app\'s own connection writes in WAL mode, and every commit is synced to disk before Prisma reports it', async () => {
        // The connection commits with synchronous=NORMAL (the WAL survives the process being
        // killed); lib/db/durable-commits.ts then syncs the WAL file before the promise resolves.
        const [journal] = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>('PRAGMA journal_mode');
        const [sync] = await db.$queryRawUnsafe<Array<{ synchronous: bigint | number }>>('PRAGMA synchronous');
        expect(journal?.journal_mode).toBe('wal');
        expect(Number(sync?.synchronous), '0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA').toBe(1);
        const syncs = () => walSyncsOf(db) ?? -1;
        let before = syncs();
        await db.comment.findMany({ take: 1 });
        expect(syncs(), 'a read syncs nothing').toBe(before);
        await db.comment.create({ data: commentRow('synced-create') as Prisma.CommentUncheckedCreateInput });
        expect(syncs(), 'a create').toBeGreaterThan(before);
        before = syncs();
        await db.$transaction([db.comment.update({ where: { id: 'synced-create' }, data: { flagCount: 1 } }), db.commentFlag.create({ data: { commentId: 'synced-create', reporterHash: 'r' } })]);
        expect(syncs(), 'a batch transaction').toBeGreaterThan(before);
        before = syncs();
        await db.$transaction(async (tx) => {
          await tx.commentFlag.deleteMany({ where: { commentId: 'synced-create' } });
          await tx.comment.delete({ where: { id: 'synced-create' } });
        });
        expect(syncs(), 'an interactive transaction').toBeGreaterThan(before);
        const writers = Array.from({ length: 20 }, (_, index) => db.setting.create({ data: { key: `sync-${index}`, value: 'v' } }));
        before = syncs();
        await Promise.all(writers);
        expect(syncs() - before, '20 commits at once share syncs').toBeLessThan(20);
        await db.setting.deleteMany({ where: { key: { startsWith: 'sync-' } } });
      });

      test('comments sort by createdAt in time order, not text order', async () => {
        const times = ['2024-01-01T00:00:09.000Z', '2024-01-01T00:00:10.000Z', '2023-12-31T23:59:59.999Z', '2024-01-01T00:00:09.500Z'];
        for (const [index, iso] of times.entries()) {
          await db.comment.create({ data: commentRow(`order-${index}`, { postSlug: 'order', createdAt: at(iso) }) as Prisma.CommentUncheckedCreateInput });
        }
        const rows = await db.comment.findMany({ where: { postSlug: 'order' }, orderBy: { createdAt: 'asc' } });
        expect(rows.map((row) => row.createdAt.toISOString())).toEqual([...times].sort());
        await db.comment.deleteMany({ where: { postSlug: 'order' } });
      });
    });
  });
});
