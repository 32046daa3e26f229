/**
 * The no-JavaScript comment forms under generated posts (fast-check), through the real server
 * (scripts/server.mjs), on SQLite and PostgreSQL: the form on the post page and on the comments
 * page, in both languages, and the reply form (`?reply=<id>`, its parent id field filled). Each
 * run starts from the form exactly as a page served it, filled in as a reader would, then
 * changed as form-mutations.ts plans.
 *
 * Required: never a 5xx; over 1 MB is 413; a post answered otherwise than with the redirect to a
 * stored comment stores nothing and changes nothing (every comment added is one a 303 named, under
 * a parent id the post sent; no comment, flag, note or setting changed); and each form posted
 * exactly as a browser posts it still stores the comment. The five forms are fuzzed at once (the
 * final comparison of the database names the request that stored anything unannounced), and the
 * figures are printed per form and database.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { postgresUnavailableReason, PROVIDERS } from './databases';
import { diffStates, FORM_RUNS, FormTally, fuzz, startFormServer, stopFormServer, type FormServer, type Resend } from './form-fuzz-harness';
import { AS_SERVED, buildRequest, isUnchanged, plannedFieldNames, plannedFields, plans, type Plan, type Substitutes } from './form-mutations';
import { freshAddress, Reader } from './http-client';
import { fieldValue, fillIn, readForms, redirectOf, send, type Answer, type Field, type PageForm, type RawPost } from './page-forms';
import { OPEN_POST, READY_TIMEOUT_MS, SITE_URL } from './server';

const pgUnavailable = await postgresUnavailableReason();
/** A form handed out less than this long ago is refused as filled in too fast (lib/comments/form-token.ts). */
const MIN_FILL_MS = 3_100;
const commentCreated = z.object({ comment: z.object({ id: z.string() }) });
const storedComment = z.object({ parentId: z.string().nullable(), bodySource: z.string(), postSlug: z.string() });

/** A served form; `fields` when the page already holds what the reader wrote (the confirmation step). */
type Served = { form: PageForm; fields?: Field[]; browser: Reader; address: string; fetchedAt: number };
type Sent = { form: string; plan: Plan; fields: Field[]; request: RawPost; answer: Answer; announced: string | null };

const cookieOf = (browser: Reader) => [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
const announcedComment = (answer: Answer) => (answer.status === 303 ? (/#comment-([\w-]+)$/.exec(redirectOf(answer))?.[1] ?? null) : null);

describe.each(PROVIDERS)('the comment forms under generated posts on %s', (provider) => {
  const unavailable = provider === 'postgres' ? pgUnavailable : null;
  if (unavailable) console.warn(`[integration] skipping the PostgreSQL comment-form fuzzing: ${unavailable}`);

  describe.skipIf(unavailable !== null)(provider, () => {
    let running: FormServer;
    let parentId = '';
    let signInActionId = '';
    const tally = new FormTally(provider);
    const tag = randomBytes(4).toString('hex');
    let serial = 0;
    const pages = (): Record<string, string> => ({
      'post page (zh)': `/zh/posts/${OPEN_POST}`,
      'post page (en)': `/en/posts/${OPEN_POST}`,
      'comments page (zh)': `/zh/posts/${OPEN_POST}/comments`,
      'comments page (en)': `/en/posts/${OPEN_POST}/comments`,
      'reply (parent id field)': `/${provider === 'sqlite' ? 'zh' : 'en'}/posts/${OPEN_POST}/comments?reply=${parentId}`,
    });

    /** The comment form of a page as a new reader's browser gets it. */
    async function serve(path: string): Promise<Served> {
      const address = freshAddress();
      const browser = new Reader(running.server.baseUrl, { address });
      const page = await browser.get(path, { headers: { accept: 'text/html' } });
      expect(page.status, `GET ${path}`).toBe(200);
      const form = readForms(page.text, path.replace(/\?.*$/, '')).find((each) => each.html.includes('id="comment-form"'));
      if (!form) throw new Error(`no comment form on ${path}`);
      return { form, browser, address, fetchedAt: Date.now() };
    }

    /** Posts the form, filled in as a reader would (a name, a comment no one else wrote) unless it already is. */
    async function post(name: string, served: Served, plan: Plan, substitutes: Substitutes = {}): Promise<Sent> {
      const filled = served.fields ?? fillIn(served.form.fields, { author: '表单读者', body: `表单模糊测试 ${tag} 第 ${(serial += 1)} 条：**Markdown** 与 [链接](https://example.com/)` });
      const fields = plannedFields(filled, served.form, plan, substitutes);
      const request = buildRequest(served.form, fields, plan, { ownOrigin: running.server.baseUrl, siteUrl: SITE_URL, address: served.address, cookie: cookieOf(served.browser) });
      const answer = await send(running.server.baseUrl, request);
      return { form: name, plan, fields, request, answer, announced: announcedComment(answer) };
    }

    /** The forms of a page, one served after the other. */
    async function servePool(path: string, count: number): Promise<Served[]> {
      const pool: Served[] = [];
      for (let n = 0; n < count; n += 1) pool.push(await serve(path));
      return pool;
    }

    beforeAll(async () => {
      running = await startFormServer(provider, 'comment-form fuzzing');
      const seed = await new Reader(running.server.baseUrl).post(`/api/posts/${OPEN_POST}/comments`, { author: '楼主', body: `回复的对象 ${tag}` });
      parentId = commentCreated.parse(seed.json).comment.id;
      // Another form's action, to post this form's fields to.
      const admin = await new Reader(running.server.baseUrl).get('/zh/admin', { headers: { accept: 'text/html' } });
      signInActionId = readForms(admin.text, '/zh/admin').find((form) => form.html.includes('name="token"'))?.actionId ?? '';
      expect(signInActionId, 'the sign-in form\'s action id').not.toBe('');
    }, READY_TIMEOUT_MS + 60_000);

    afterAll(async () => {
      tally.print(`comment forms, ${FORM_RUNS} runs per form`);
      await stopFormServer(running);
    }, 60_000);

    test('each form posted exactly as a browser posts it stores the comment (the post page after its confirmation step)', async () => {
      const flows = Object.entries(pages()).map(async ([name, path]) => {
        let served = await serve(path);
        if (name.startsWith('post page')) {
          // A prerendered form has no time token: the first post answers with the confirmation step.
          const first = await post(name, served, AS_SERVED);
          expect(first.answer.status, `${name}: ${first.answer.text.slice(0, 300)}`).toBe(200);
          const confirm = readForms(first.answer.text, served.form.path).find((each) => each.html.includes('id="comment-form"'));
          expect(fieldValue(confirm?.fields ?? [], 'formToken'), `${name}: the confirmation step carries a time token`).toMatch(/^form:/);
          if (!confirm) throw new Error(`${name}: no form on the confirmation step`);
          served = { ...served, form: confirm, fields: confirm.fields, fetchedAt: Date.now() };
        }
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, served.fetchedAt + MIN_FILL_MS - Date.now())));
        const before = await running.state.read();
        const sent = await post(name, served, AS_SERVED);
        await tally.check(`${name}, as a browser`, AS_SERVED, sent.request, sent.answer);
        expect(sent.answer.status, `${name}: ${sent.answer.text.slice(0, 300)}`).toBe(303);
        expect(sent.announced, `${name}: redirected to ${redirectOf(sent.answer)}`).toBeTruthy();
        const row = storedComment.parse(JSON.parse((await running.state.read()).get(`comment:${sent.announced}`) ?? 'null'));
        expect(row).toEqual({ parentId: name.startsWith('reply') ? parentId : null, bodySource: fieldValue(sent.fields, 'body'), postSlug: OPEN_POST });
        expect(before.has(`comment:${sent.announced}`)).toBe(false);
      });
      await Promise.all(flows);
    }, 60_000);

    test(`${FORM_RUNS} generated posts per form, the five forms at once: never a 5xx, and nothing stored but what a 303 announced`, async () => {
      const forms = Object.entries(pages());
      // Forms handed out at least 3 s before they are sent, as a reader takes to write: their time
      // tokens pass, so an unchanged form stores its comment.
      const pools = await Promise.all(forms.map(([, path]) => servePool(path, Math.min(FORM_RUNS, 30))));
      const agedToken = fieldValue(pools[2]?.[0]?.form.fields ?? [], 'formToken') ?? '';
      await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS));
      const before = await running.state.read();
      const sent: Sent[] = [];
      await Promise.all(
        forms.map(async ([name], lane) => {
          const pool = pools[lane] ?? [];
          let next = 0;
          await fuzz(plans, async (plan) => {
            const served = pool[next++ % pool.length];
            if (!served) throw new Error(`no served form for ${name}`);
            const substitutes = { '<token>': agedToken, '<known-id>': parentId, '<other-id>': signInActionId };
            const each = await post(name, served, plan, substitutes);
            sent.push(each);
            const resend: Resend = async (simpler) => {
              const again = await post(name, served, simpler, substitutes);
              sent.push(again);
              return again;
            };
            resend.fieldNames = (smallest) => plannedFieldNames(served.fields ?? served.form.fields, served.form, smallest);
            const passed = await tally.check(name, plan, each.request, each.answer, resend);
            if (passed && isUnchanged(plan) && !name.startsWith('post page') && each.announced === null) tally.fail(name, `answered ${each.answer.status} without storing the comment`, plan, each.request, each.answer);
          });
        }),
      );

      const after = await running.state.read();
      const diff = diffStates(before, after);
      const announced = new Map(sent.filter((each) => each.announced !== null).map((each) => [`comment:${each.announced}`, each]));
      for (const key of diff.added) {
        const by = announced.get(key);
        const row = storedComment.safeParse(JSON.parse(after.get(key) ?? 'null'));
        if (by) {
          const parents = by.fields.filter(([field]) => field === 'parentId').map(([, value]) => value);
          if (!row.success || row.data.postSlug !== OPEN_POST || (row.data.parentId !== null && !parents.includes(row.data.parentId))) {
            tally.fail(by.form, 'stored a comment not as sent', by.plan, by.request, by.answer, `stored: ${after.get(key)}`);
          }
          continue;
        }
        // Stored without a redirect saying so: the post that sent its body is the culprit.
        const culprits = sent.filter((each) => row.success && each.fields.some(([field, value]) => field === 'body' && value === row.data.bodySource));
        for (const each of culprits.length > 0 ? culprits : sent.slice(0, 1)) tally.fail(each.form, `stored a comment (answered ${each.answer.status}) without a 303 naming it`, each.plan, each.request, each.answer, `stored: ${after.get(key)}`);
      }
      for (const [key, each] of announced) if (!after.has(key)) tally.fail(each.form, 'announced a comment that is not stored', each.plan, each.request, each.answer);
      const touched = [...diff.removed, ...diff.changed];
      expect(touched, 'rows a comment form removed or changed').toEqual([]);
      expect(diff.added.filter((key) => !key.startsWith('comment:')), 'flags, notes or settings a comment form added').toEqual([]);
      tally.expectNoFailures();
    }, 180_000);
  });
});
