/**
 * The moderation page's no-JavaScript forms under generated posts (fast-check), through the real
 * server (scripts/server.mjs), on SQLite and PostgreSQL: sign-in, sign-out, a decision on a
 * comment (approve, spam, delete) and on a public note (spam, delete). Each run starts from the
 * form exactly as /{locale}/admin served it (to a new browser for the sign-in, to a signed-in
 * admin for the others), then changed as form-mutations.ts plans.
 *
 * Required: never a 5xx; over 1 MB is 413; a post not answered with the form's success (the admin
 * cookie set; the cookie cleared; `?done=<decision>`) changes nothing, and one that is changes
 * only what it names; and each form posted exactly as a browser posts it still works. The four
 * forms are fuzzed at once, each watching the rows its form may change after every run (the
 * sign-in changes none: it is watched as a whole), and at the end every change in the database is
 * one a success announced (or made by the test itself). Figures are printed per form and database.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { postgresUnavailableReason, PROVIDERS } from './databases';
import { ADMIN_TOKEN, diffStates, FORM_RUNS, FormTally, fuzz, startFormServer, stopFormServer, type FormServer, type Resend, type State, type StateDiff } from './form-fuzz-harness';
import { AS_SERVED, buildRequest, isUnchanged, plannedFieldNames, plannedFields, plans, type Plan, type Substitutes } from './form-mutations';
import { freshAddress, Reader } from './http-client';
import { cookiesSet, fieldValue, fillIn, readForms, redirectOf, send, type Answer, type PageForm } from './page-forms';
import { seedNote } from './seed-note';
import { OPEN_POST, READY_TIMEOUT_MS, SITE_URL } from './server';

const pgUnavailable = await postgresUnavailableReason();
const ADMIN_COOKIE = 'duizhao_admin';
const SIGN_IN_LANES = 4;
const pendingComment = z.object({ comment: z.object({ id: z.string(), pending: z.literal(true) }) });
const noteCreated = z.object({ id: z.string() });

type Admin = { browser: Reader; address: string };
type Kind = 'sign-in' | 'sign-out' | 'comment decision' | 'note decision';

type AdminForm = PageForm & { kind: Kind | null };

/** The page's forms by what they do; the notes' decisions are those after the notes' heading. */
function adminForms(html: string, path: string): AdminForm[] {
  const notesAt = html.indexOf('id="notes-review-heading"');
  const kindOf = (form: PageForm, notes: boolean): Kind | null => {
    if (form.html.includes('name="token"')) return 'sign-in';
    if (fieldValue(form.fields, 'decision') !== undefined) return notes ? 'note decision' : 'comment decision';
    return form.actionId ? 'sign-out' : null;
  };
  const before = readForms(notesAt < 0 ? html : html.slice(0, notesAt), path).map((form) => ({ ...form, kind: kindOf(form, false) }));
  const after = notesAt < 0 ? [] : readForms(html.slice(notesAt), path).map((form) => ({ ...form, kind: kindOf(form, true) }));
  return [...before, ...after];
}

const only = (diff: StateDiff, prefix: string): StateDiff => ({
  added: diff.added.filter((key) => key.startsWith(prefix)),
  removed: diff.removed.filter((key) => key.startsWith(prefix)),
  changed: diff.changed.filter((key) => key.startsWith(prefix)),
});
const keysOf = (diff: StateDiff) => [...diff.added, ...diff.removed, ...diff.changed];
const cookieOf = (browser: Reader) => [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
const absorb = (browser: Reader, answer: Answer) => {
  for (const [name, value] of cookiesSet(answer)) if (value === '') browser.cookies.delete(name);
  else browser.cookies.set(name, value);
};

describe.each(PROVIDERS)('the moderation page forms under generated posts on %s', (provider) => {
  const unavailable = provider === 'postgres' ? pgUnavailable : null;
  if (unavailable) console.warn(`[integration] skipping the PostgreSQL admin-form fuzzing: ${unavailable}`);

  describe.skipIf(unavailable !== null)(provider, () => {
    let running: FormServer;
    let commentActionId = '';
    const tally = new FormTally(provider);
    const tag = randomBytes(4).toString('hex');
    let serial = 0;
    /** Comments and notes this file made, or that a decision changed and announced (or failed on, and is reported for). */
    const explained = new Set<string>();

    const page = async (browser: Reader, locale: string) => {
      const answer = await browser.get(`/${locale}/admin`, { headers: { accept: 'text/html' } });
      expect(answer.status, `GET /${locale}/admin`).toBe(200);
      return adminForms(answer.text, `/${locale}/admin`);
    };
    const formOf = (forms: AdminForm[], kind: Kind, decision?: string) =>
      forms.find((form) => form.kind === kind && (decision === undefined || fieldValue(form.fields, 'decision') === decision));

    async function post(form: PageForm, fields: PageForm['fields'], plan: Plan, admin: Admin) {
      const request = buildRequest(form, fields, plan, { ownOrigin: running.server.baseUrl, siteUrl: SITE_URL, address: admin.address, cookie: cookieOf(admin.browser) });
      return { request, answer: await send(running.server.baseUrl, request) };
    }

    /** Sends a form again under a simpler plan, to make a failure smaller (see FormTally.check). */
    function resender(form: PageForm, filled: PageForm['fields'], admin: Admin, substitutes: Substitutes): Resend {
      const resend: Resend = (simpler) => post(form, plannedFields(filled, form, simpler, substitutes), simpler, { ...admin, address: freshAddress() });
      resend.fieldNames = (smallest) => plannedFieldNames(filled, form, smallest);
      return resend;
    }

    /** Signs in as a browser does: the page's form with the token typed in. */
    async function signIn(locale = 'zh'): Promise<Admin> {
      const admin = { browser: new Reader(running.server.baseUrl, { address: null }), address: freshAddress() };
      const form = formOf(await page(admin.browser, locale), 'sign-in');
      if (!form) throw new Error('no sign-in form');
      const { answer } = await post(form, fillIn(form.fields, { token: ADMIN_TOKEN }), AS_SERVED, admin);
      absorb(admin.browser, answer);
      expect(admin.browser.cookies.get(ADMIN_COOKIE), `sign-in answered ${answer.status} ${redirectOf(answer)}`).toBeTruthy();
      return admin;
    }

    const createPending = async () => {
      const links = [1, 2, 3, 4].map((n) => `[链接${n}](https://example.com/${tag}/${n})`).join(' ');
      const answer = await new Reader(running.server.baseUrl).post(`/api/posts/${OPEN_POST}/comments`, { author: '待审读者', body: `待审评论 ${tag} ${(serial += 1)} ${links}` });
      const { id } = pendingComment.parse(answer.json).comment;
      explained.add(`comment:${id}`);
      return id;
    };
    const createPublicNote = async () => {
      const answer = await new Reader(running.server.baseUrl).post(`/api/posts/${OPEN_POST}/annotations`, seedNote(`待审笔记 ${tag} ${(serial += 1)}`, 'public'));
      expect(answer.status, answer.text.slice(0, 300)).toBe(201);
      explained.add(`note:${new URL(noteCreated.parse(answer.json).id).pathname.split('/').at(-1) ?? ''}`);
    };

    beforeAll(async () => {
      running = await startFormServer(provider, 'admin-form fuzzing');
      const comments = readForms((await new Reader(running.server.baseUrl).get(`/zh/posts/${OPEN_POST}`, { headers: { accept: 'text/html' } })).text, '/');
      commentActionId = comments.find((form) => form.html.includes('id="comment-form"'))?.actionId ?? '';
      expect(commentActionId).not.toBe('');
    }, READY_TIMEOUT_MS + 60_000);

    afterAll(async () => {
      tally.print(`moderation page forms, ${FORM_RUNS} runs per form`);
      await stopFormServer(running);
    }, 60_000);

    /**
     * One generated post to a decision form of a signed-in admin's page: the first comment or
     * note in the queue (one is made when there is none), the decision drawn with the plan.
     */
    async function decide(kind: 'comment decision' | 'note decision', admin: Admin, decision: string, plan: Plan, locale: string): Promise<void> {
      const table = kind === 'comment decision' ? 'comment:' : 'note:';
      let form = formOf(await page(admin.browser, locale), kind, decision);
      if (!form) {
        await (kind === 'comment decision' ? createPending() : createPublicNote());
        form = formOf(await page(admin.browser, locale), kind, decision);
      }
      if (!form) throw new Error(`no ${kind} form for ${decision} on /${locale}/admin`);
      const before = await running.state.read();
      const substitutes = { '<other-id>': commentActionId, '<known-id>': fieldValue(form.fields, 'id') ?? '' };
      const fields = plannedFields(form.fields, form, plan, substitutes);
      const { request, answer } = await post(form, fields, plan, admin);
      const sentIds = new Set(fields.filter(([name]) => name === 'id').map(([, value]) => value));
      if (!(await tally.check(kind, plan, request, answer, resender(form, form.fields, admin, substitutes)))) {
        // Reported already; what it (or a resend) did to the rows it named is not counted against the others.
        for (const id of sentIds) explained.add(`${table}${id}`);
        return;
      }
      const diff = diffStates(before, await running.state.read());
      const watched = kind === 'comment decision' ? [...keysOf(only(diff, 'comment:')), ...keysOf(only(diff, 'flag:'))] : keysOf(only(diff, 'note:'));
      const done = /[?&]done=(?:note-)?(\w+)/.exec(redirectOf(answer))?.[1];
      if (done === undefined) {
        if (watched.length > 0) tally.fail(kind, 'changed rows without announcing a decision', plan, request, answer, `changed: ${watched.join(', ')}`);
        return;
      }
      const named = watched.filter((key) => sentIds.has(key.slice(key.indexOf(':') + 1).split(':')[0] ?? ''));
      for (const key of named) explained.add(key.startsWith('flag:') ? `comment:${key.split(':')[1] ?? ''}` : key);
      if (named.length === 0 || named.length !== watched.length) tally.fail(kind, `announced ${done} but changed ${watched.length === 0 ? 'nothing' : 'other rows'}`, plan, request, answer, `changed: ${watched.join(', ')}`);
      const decided = fields.filter(([name]) => name === 'decision').at(-1)?.[1];
      if (done !== decided) tally.fail(kind, `announced ${done} for a post deciding ${decided}`, plan, request, answer);
      if (isUnchanged(plan) && done !== decision) tally.fail(kind, `announced ${done} for ${decision}`, plan, request, answer);
    }

    test('each form posted exactly as a browser posts it works: sign in, approve, mark spam, delete, sign out', async () => {
      const admin = await signIn('en');
      await createPending();
      await createPublicNote();
      for (const decision of ['approve', 'spam', 'delete']) await decide('comment decision', admin, decision, AS_SERVED, 'zh');
      for (const decision of ['spam', 'delete']) await decide('note decision', admin, decision, AS_SERVED, 'en');
      const form = formOf(await page(admin.browser, 'zh'), 'sign-out');
      if (!form) throw new Error('no sign-out form for a signed-in admin');
      const before = await running.state.read();
      const { request, answer } = await post(form, form.fields, AS_SERVED, admin);
      await tally.check('sign-out', AS_SERVED, request, answer);
      expect(cookiesSet(answer).get(ADMIN_COOKIE), `sign-out answered ${answer.status}`).toBe('');
      expect(diffStates(before, await running.state.read()).added.filter((key) => key.startsWith('setting:admin-session-ended:'))).toHaveLength(1);
      tally.expectNoFailures();
    }, 60_000);

    test(`${FORM_RUNS} generated posts per form, the four forms at once: never a 5xx, and nothing changed but what a success announced`, async () => {
      const before = await running.state.read();
      /** Sessions the sign-out lane signed in, and those it saw ended by a sign-out that passed its checks. */
      let sessions = 0;
      let signOuts = 0;
      const locale = fc.constantFrom('zh', 'en');
      const signInLane = async () =>
        fuzz(fc.tuple(plans, locale), async ([plan, lang]) => {
          const browser = { browser: new Reader(running.server.baseUrl, { address: null }), address: freshAddress() };
          const form = formOf(await page(browser.browser, lang), 'sign-in');
          if (!form) throw new Error('no sign-in form');
          const filled = fillIn(form.fields, { token: ADMIN_TOKEN });
          const substitutes = { '<admin-token>': ADMIN_TOKEN, '<other-id>': commentActionId };
          const fields = plannedFields(filled, form, plan, substitutes);
          const { request, answer } = await post(form, fields, plan, browser);
          if (!(await tally.check('sign-in', plan, request, answer, resender(form, filled, browser, substitutes)))) return;
          const signedIn = Boolean(cookiesSet(answer).get(ADMIN_COOKIE));
          // The action reads the last of repeated fields: only the right token there may sign in.
          const token = fields.filter(([name]) => name === 'token').at(-1)?.[1];
          if (signedIn && token !== ADMIN_TOKEN) tally.fail('sign-in', 'signed in without the token', plan, request, answer);
          if (isUnchanged(plan) && !signedIn) tally.fail('sign-in', `answered ${answer.status} without the admin cookie`, plan, request, answer);
        }, Math.ceil(FORM_RUNS / SIGN_IN_LANES));

      let admin: Admin | null = null;
      const signOutLane = fuzz(fc.tuple(plans, locale), async ([plan, lang]) => {
        if (admin === null) sessions += 1;
        admin ??= await signIn(lang);
        const form = formOf(await page(admin.browser, lang), 'sign-out');
        if (!form) throw new Error('no sign-out form for a signed-in admin');
        const settings = async () => new Map([...(await running.state.read())].filter(([key]) => key.startsWith('setting:')));
        const was: State = await settings();
        const substitutes = { '<other-id>': commentActionId };
        const { request, answer } = await post(form, plannedFields(form.fields, form, plan, substitutes), plan, admin);
        // A sign-out sent again to make a failure smaller may end the session too.
        if (!(await tally.check('sign-out', plan, request, answer, resender(form, form.fields, admin, substitutes)))) {
          admin = null;
          return;
        }
        const diff = diffStates(was, await settings());
        if (cookiesSet(answer).get(ADMIN_COOKIE) === '') {
          signOuts += 1;
          admin = null;
          if (diff.added.length !== 1 || diff.removed.length + diff.changed.length > 0) tally.fail('sign-out', 'signed out without ending the session once', plan, request, answer, `settings: ${keysOf(diff).join(', ')}`);
        } else {
          if (keysOf(diff).length > 0) tally.fail('sign-out', `answered ${answer.status}, kept the cookie, and changed settings`, plan, request, answer, keysOf(diff).join(', '));
          if (isUnchanged(plan)) tally.fail('sign-out', `answered ${answer.status} without clearing the cookie`, plan, request, answer);
        }
      });
      const deciders = (['comment decision', 'note decision'] as const).map(async (kind) => {
        const decisions = kind === 'comment decision' ? fc.constantFrom('approve', 'spam', 'delete') : fc.constantFrom('spam', 'delete');
        const moderator = await signIn();
        await fuzz(fc.tuple(plans, decisions, locale), async ([plan, decision, lang]) => decide(kind, moderator, decision, plan, lang));
      });
      await Promise.all([...Array.from({ length: SIGN_IN_LANES }, signInLane), signOutLane, ...deciders]);

      tally.expectNoFailures();
      // Whatever the lanes did together: settings gained at most one ended session per session the
      // sign-out lane signed in (a post sent again to make a failure smaller may end one), nothing else.
      const settings = only(diffStates(before, await running.state.read()), 'setting:');
      expect(settings.removed.concat(settings.changed), 'settings removed or changed').toEqual([]);
      expect(settings.added.filter((key) => !key.startsWith('setting:admin-session-ended:')), 'settings added').toEqual([]);
      expect(settings.added.length).toBeGreaterThanOrEqual(signOuts);
      expect(settings.added.length).toBeLessThanOrEqual(sessions);
      // Comments, their flags and notes changed only where a decision announced it (or they were made here).
      const rows = diffStates(before, await running.state.read());
      const unexplained = keysOf(rows).filter((key) => !key.startsWith('setting:') && !explained.has(key.startsWith('flag:') ? `comment:${key.split(':')[1] ?? ''}` : key));
      expect(unexplained, 'comments, flags or notes changed by no announced decision').toEqual([]);
    }, 180_000);
  });
});
