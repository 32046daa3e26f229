// @ts-check
/**
 * Form posts to pages (server actions) are read by scripts/server.mjs before Next sees them, and
 * refused with 400 `request.invalid` when Next would fail on them with a 500:
 * - a multipart body that does not parse (cut short, no boundary, a part without a name);
 * - action fields that are not what React's forms send: for a form posted without JavaScript,
 *   `$ACTION_REF_n` with `$ACTION_n:0` (the action and its bound arguments) and `$ACTION_n:k`
 *   (the values bound), and for a post from a page's script (a `Next-Action` header) the reply
 *   whose root is the field `0` (or the whole body when it is not multipart).
 * The bound values are JSON in React's reply format, where a string starting with `$` is a
 * reference or a special value. Only what this site's forms send is let through (plain JSON,
 * escaped strings, `undefined`/`NaN`/infinities/-0, dates, integers as BigInt, form data, and
 * references to other fields of the same post, each field reached once); every other kind
 * (streams, typed arrays, maps, sets, server references, paths into other values) makes React
 * throw or wait for a field that never comes, and no form here sends it.
 *
 * Once checked, the body is handed to Next in a request that streams it again.
 * Plain JavaScript (types in JSDoc) because Node runs the server as is.
 */

import { IncomingMessage } from 'node:http';

const ACTION_PREFIX = '$ACTION_';
const ACTION_REF_PREFIX = '$ACTION_REF_';

/** @param {string | string[] | undefined} value */
const single = (value) => (Array.isArray(value) ? value[0] : value) ?? '';

/**
 * Whether the server must read this request's body before Next: a POST to a page (not the API)
 * that is multipart or names an action in `Next-Action`.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} request
 */
export function readsActionBody(request) {
  if (request.method !== 'POST' || (request.url ?? '/').startsWith('/api/')) return false;
  return isMultipart(single(request.headers['content-type'])) || single(request.headers['next-action']) !== '';
}

/** @param {string} contentType */
const isMultipart = (contentType) => /^\s*multipart\/form-data\s*(;|$)/i.test(contentType);

/** A reference to another field: `$<hex>` (its value) or `$@<hex>` (a promise of it); `$K<hex>`: form data. */
const REFERENCE = /^\$@?([0-9a-f]+)$/i;
const FORM_DATA = /^\$K[0-9a-f]+$/i;
const SPECIAL = new Set(['$undefined', '$NaN', '$Infinity', '$-Infinity', '$-0']);
const BIG_INTEGER = /^\$n-?\d{1,300}$/;

/**
 * The fields a string value refers to (as the field numbers React looks up), or null when the
 * string is a kind of value no form here sends.
 * @param {string} value
 * @param {boolean} formDataAllowed
 * @returns {number[] | null}
 */
function referencesOf(value, formDataAllowed) {
  if (value[0] !== '$') return [];
  if (value[1] === '$' || value[1] === 'D' || SPECIAL.has(value) || BIG_INTEGER.test(value)) return [];
  if (formDataAllowed && FORM_DATA.test(value)) return [];
  const reference = REFERENCE.exec(value);
  return reference?.[1] ? [parseInt(reference[1], 16)] : null;
}

/**
 * Every string inside a parsed JSON value (keys are never read as references).
 * @param {unknown} value
 * @param {string[]} into
 */
function collectStrings(value, into) {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, into);
  return into;
}

/**
 * Whether a reply (fields by number, each React's JSON) decodes without error from its root, 0:
 * each field reached is JSON and refers only to fields present, each of them once (so no field
 * reaches itself, and no array is counted many times over React's limit on array sizes).
 * @param {(id: number) => string | undefined} field
 * @param {boolean} formDataAllowed
 * @returns {{ root: unknown, values: Map<number, unknown> } | null}
 */
function decodableReply(field, formDataAllowed) {
  /** @type {Map<number, unknown>} */
  const values = new Map();
  /** @type {Set<number>} */
  const reached = new Set();
  /** @param {number} id */
  const visit = (id) => {
    if (reached.has(id)) return false;
    reached.add(id);
    const text = field(id);
    if (text === undefined) return false;
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      return false;
    }
    for (const string of collectStrings(value, [])) {
      const references = referencesOf(string, formDataAllowed);
      if (references === null || !references.every(visit)) return false;
    }
    values.set(id, value);
    return true;
  };
  return visit(0) ? { root: values.get(0), values } : null;
}

/**
 * Whether the bound action a no-JavaScript form names (`$ACTION_REF_<n>`) decodes: its descriptor
 * `{"id": "...", "bound": null | "$@<k>"}` and, when bound, an array of values.
 * @param {FormData} form
 * @param {string} name the number after `$ACTION_REF_`
 */
function boundActionDecodes(form, name) {
  const prefix = `${ACTION_PREFIX}${name}:`;
  const reply = decodableReply((id) => {
    const values = form.getAll(`${prefix}${id}`);
    return values.length === 1 && typeof values[0] === 'string' ? values[0] : undefined;
  }, false);
  if (!reply || reply.root === null || typeof reply.root !== 'object' || Array.isArray(reply.root)) return false;
  const { id, bound } = /** @type {{ id?: unknown, bound?: unknown }} */ (reply.root);
  if (typeof id !== 'string') return false;
  if (bound === null) return true;
  const reference = typeof bound === 'string' ? REFERENCE.exec(bound) : null;
  return reference?.[1] !== undefined && Array.isArray(reply.values.get(parseInt(reference[1], 16)));
}

/**
 * What is wrong with the body of a form post to a page, if anything.
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {Buffer} body
 * @returns {Promise<'request.invalid' | null>}
 */
export async function actionBodyProblem(headers, body) {
  const contentType = single(headers['content-type']);
  const fromScript = single(headers['next-action']) !== '';
  if (!isMultipart(contentType)) {
    // Only a post from a script is an action without multipart: its body is the reply's root.
    if (!fromScript) return null;
    const text = body.toString('utf8');
    return decodableReply((id) => (id === 0 ? text : undefined), false) ? null : 'request.invalid';
  }
  let form;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return 'request.invalid';
  }
  if (fromScript) {
    return decodableReply((id) => {
      const value = form.get(String(id));
      return typeof value === 'string' ? value : undefined;
    }, true)
      ? null
      : 'request.invalid';
  }
  for (const [key, value] of form) {
    if (!key.startsWith(ACTION_PREFIX)) continue;
    if (typeof value !== 'string') return 'request.invalid';
    if (key.startsWith(ACTION_REF_PREFIX) && !boundActionDecodes(form, key.slice(ACTION_REF_PREFIX.length))) return 'request.invalid';
  }
  return null;
}

/**
 * The request again, as Next must see it once its body has been read here: the same method, URL,
 * headers and connection, and a body that streams the bytes read (Next reads the body as a stream,
 * once for proxy.ts and once for the action).
 * @param {import('node:http').IncomingMessage} request
 * @param {Buffer} body
 * @returns {import('node:http').IncomingMessage}
 */
export function replayedRequest(request, body) {
  const replay = new IncomingMessage(request.socket);
  replay.method = request.method;
  replay.url = request.url;
  replay.headers = request.headers;
  replay.rawHeaders = request.rawHeaders;
  replay.httpVersion = request.httpVersion;
  replay.httpVersionMajor = request.httpVersionMajor;
  replay.httpVersionMinor = request.httpVersionMinor;
  replay.push(body);
  replay.push(null);
  replay.complete = true;
  return replay;
}

/**
 * Reads a request's body, at most `maxBytes` of it (the caller has checked Content-Length).
 * @param {import('node:http').IncomingMessage} request
 * @param {number} maxBytes
 * @returns {Promise<Buffer | null>} null when the body is longer than that or the client went away
 */
export function readBody(request, maxBytes) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let length = 0;
    request.on('data', (/** @type {Buffer} */ chunk) => {
      length += chunk.length;
      if (length <= maxBytes) chunks.push(chunk);
    });
    request.once('end', () => resolve(length <= maxBytes ? Buffer.concat(chunks) : null));
    request.once('error', () => resolve(null));
    request.once('close', () => {
      if (!request.complete) resolve(null);
    });
  });
}
