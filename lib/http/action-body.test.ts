/** What scripts/server.mjs lets through to Next as a form post to a page (lib/http/action-body.mjs). */
import { describe, expect, test } from 'vitest';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { actionBodyProblem, readsActionBody, replayedRequest } from './action-body.mjs';

/** A form as a browser sends it: multipart, with the boundary in the type. */
async function multipart(fields: Array<[string, string | Blob]>) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const response = new Response(form);
  return { type: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()) };
}

const STATE = JSON.stringify([{ status: 'editing', values: { body: '$$5 a month', author: 'A' }, token: null, error: null, previewHtml: '$undefined' }]);
/** The comment form as the page serves it: an action bound to its previous state. */
const commentForm = (state = STATE, descriptor = '{"id":"40ab","bound":"$@1"}'): Array<[string, string | Blob]> => [
  ['$ACTION_REF_1', ''],
  ['$ACTION_1:0', descriptor],
  ['$ACTION_1:1', state],
  ['$ACTION_KEY', 'k0'],
  ['body', 'hello'],
];

async function problemOf(fields: Array<[string, string | Blob]>, headers: Record<string, string> = {}) {
  const { type, body } = await multipart(fields);
  return actionBodyProblem({ 'content-type': type, ...headers }, body);
}

describe('which posts are read before Next', () => {
  const post = (url: string, headers: Record<string, string>) => readsActionBody({ method: 'POST', url, headers });
  test('multipart posts and posts naming an action, to pages only', () => {
    expect(post('/zh/posts/x/comments', { 'content-type': 'multipart/form-data; boundary=b' })).toBe(true);
    expect(post('/zh/admin', { 'next-action': '40ab', 'content-type': 'text/plain' })).toBe(true);
    expect(post('/api/posts/x/comments', { 'content-type': 'multipart/form-data; boundary=b' })).toBe(false);
    expect(post('/zh', { 'content-type': 'application/x-www-form-urlencoded' })).toBe(false);
    expect(readsActionBody({ method: 'GET', url: '/zh', headers: { 'content-type': 'multipart/form-data' } })).toBe(false);
  });
});

describe('a form posted without JavaScript', () => {
  test('as the page sends it, and a plain action, pass', async () => {
    expect(await problemOf(commentForm())).toBeNull();
    expect(await problemOf([['$ACTION_ID_40ab', ''], ['locale', 'en']])).toBeNull();
    expect(await problemOf([['author', 'no action at all']])).toBeNull();
    expect(await problemOf(commentForm(STATE, '{"id":"40ab","bound":null}'))).toBeNull();
  });

  test('a body that is not multipart as its type says is refused', async () => {
    const { type, body } = await multipart(commentForm());
    const refused = async (contentType: string, bytes: Buffer) => expect(await actionBodyProblem({ 'content-type': contentType }, bytes)).toBe('request.invalid');
    await refused(type, body.subarray(0, body.length - 40));
    await refused('multipart/form-data', body);
    await refused(type, Buffer.alloc(0));
    const boundary = type.split('boundary=')[1] ?? '';
    await refused(type, Buffer.from(`--${boundary}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${boundary}--\r\n`));
  });

  test('bound values that are not JSON, or refer to what is not there, are refused', async () => {
    for (const state of ['nonsense', '', '["$@2"]', '["$1"]', '"$Q2"', '["$T"]', '["$h1"]', '["$n12x"]', '["$0:a:b"]', '["$"]'])
      expect(await problemOf(commentForm(state)), state).toBe('request.invalid');
  });

  test('a descriptor that names no action, or binds what is not an array, is refused', async () => {
    for (const descriptor of ['{"id":5,"bound":null}', '{"id":"40ab","bound":"$@2"}', '{"id":"40ab","bound":"x"}', '[]', 'null'])
      expect(await problemOf(commentForm(STATE, descriptor)), descriptor).toBe('request.invalid');
    expect(await problemOf(commentForm('"not an array"'))).toBe('request.invalid');
  });

  test('a field reached twice (a way to multiply an array) is refused', async () => {
    const fields = commentForm('["$2","$2"]');
    fields.push(['$ACTION_1:2', '[1,2,3]']);
    expect(await problemOf(fields)).toBe('request.invalid');
    fields[2] = ['$ACTION_1:1', '["$2"]'];
    expect(await problemOf(fields)).toBeNull();
  });

  test('an action field sent as a file is refused', async () => {
    const fields = commentForm();
    fields[2] = ['$ACTION_1:1', new Blob([STATE])];
    expect(await problemOf(fields)).toBe('request.invalid');
  });
});

describe('a form posted by the page\'s script (Next-Action)', () => {
  const script = { 'next-action': '40ab' };
  test('form data as React sends it passes', async () => {
    expect(await problemOf([['0', '["$K1"]'], ['1_locale', 'en']], script)).toBeNull();
    expect(await actionBodyProblem({ ...script, 'content-type': 'text/plain;charset=UTF-8' }, Buffer.from('["a",1,null]'))).toBeNull();
  });

  test('an ordinary form body, or a reply whose root is missing or broken, is refused', async () => {
    expect(await problemOf([['locale', 'en'], ['id', 'x']], script)).toBe('request.invalid');
    expect(await problemOf([['0', '["$1"]']], script)).toBe('request.invalid');
    expect(await actionBodyProblem({ ...script, 'content-type': 'text/plain' }, Buffer.from('locale=en'))).toBe('request.invalid');
    expect(await actionBodyProblem({ ...script, 'content-type': 'text/plain' }, Buffer.from('["$1"]'))).toBe('request.invalid');
  });
});

test('Next gets the request again, its body streamed anew', async () => {
  const original = new IncomingMessage(new Socket());
  Object.assign(original, { method: 'POST', url: '/zh/admin', headers: { 'content-type': 'text/plain', 'next-action': '40ab' } });
  const replay = replayedRequest(original, Buffer.from('["a"]'));
  expect([replay.method, replay.url, replay.headers]).toEqual([original.method, original.url, original.headers]);
  const chunks: Buffer[] = [];
  for await (const chunk of replay) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString()).toBe('["a"]');
});
