/**
 * The site's no-JavaScript forms as a browser sees them, and the bytes a browser (or anyone)
 * posts from them: forms read out of served HTML (action, and every control a browser would send,
 * in document order, React's `$ACTION_*` fields included), multipart and urlencoded bodies built
 * by hand so that they can also be built wrong, and a raw HTTP request that may set any header
 * (fetch() refuses to set Host) and keeps the answer's status, headers and text.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { rawRequest } from '../support/raw-http';
import { parseSetCookie } from './http-client';

export type Field = readonly [name: string, value: string];

export type PageForm = {
  /** The path the form posts to (its action without the fragment; the page itself when empty). */
  path: string;
  /** What a browser without JavaScript sends, in document order. */
  fields: Field[];
  /** The server action's id, from `$ACTION_ID_<id>` or `$ACTION_n:0`'s JSON. */
  actionId: string | null;
  html: string;
};

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00A0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

const attribute = (tag: string, name: string): string | null => {
  const match = new RegExp(`\\s${name}(?:="([^"]*)"|='([^']*)'|(?=[\\s/>]))`, 'i').exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? '') : null;
};

/** The controls of one form's HTML a browser submits, in order (no submit buttons: they have no name here). */
function controlsOf(formHtml: string): Field[] {
  const fields: Field[] = [];
  const controls = /<input\b[^>]*>|<textarea\b[^>]*>([\s\S]*?)<\/textarea>|<select\b[^>]*>([\s\S]*?)<\/select>/gi;
  for (const match of formHtml.matchAll(controls)) {
    const tag = /^<[^>]*>/.exec(match[0])?.[0] ?? '';
    const name = attribute(tag, 'name');
    if (name === null || attribute(tag, 'disabled') !== null) continue;
    if (tag.startsWith('<input')) {
      const type = (attribute(tag, 'type') ?? 'text').toLowerCase();
      if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) continue;
      if ((type === 'checkbox' || type === 'radio') && attribute(tag, 'checked') === null) continue;
      fields.push([name, attribute(tag, 'value') ?? (type === 'checkbox' ? 'on' : '')]);
    } else if (tag.startsWith('<textarea')) {
      fields.push([name, decodeEntities((match[1] ?? '').replace(/^\n/, ''))]);
    } else {
      const options = [...(match[2] ?? '').matchAll(/<option\b[^>]*>/gi)].map((option) => option[0]);
      const chosen = options.find((option) => attribute(option, 'selected') !== null) ?? options[0];
      if (chosen) fields.push([name, attribute(chosen, 'value') ?? '']);
    }
  }
  return fields;
}

export function actionIdOf(fields: readonly Field[]): string | null {
  for (const [name, value] of fields) {
    if (name.startsWith('$ACTION_ID_')) return name.slice('$ACTION_ID_'.length);
    if (/^\$ACTION_\d+:0$/.test(name)) {
      try {
        const parsed: unknown = JSON.parse(value);
        if (parsed && typeof parsed === 'object' && 'id' in parsed && typeof parsed.id === 'string') return parsed.id;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Every POST form of a served page (dialogs and GET forms left out). */
export function readForms(html: string, pagePath: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const match of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)) {
    const tag = /^<form\b[^>]*>/i.exec(match[0])?.[0] ?? '';
    if ((attribute(tag, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const action = (attribute(tag, 'action') ?? '').replace(/#.*$/, '');
    const fields = controlsOf(match[0]);
    forms.push({ path: action === '' ? pagePath : action, fields, actionId: actionIdOf(fields), html: match[0] });
  }
  return forms;
}

export const fieldValue = (fields: readonly Field[], name: string): string | undefined => fields.find(([each]) => each === name)?.[1];

/** The fields with `changes` set (replacing the first of each name, else appended), as a reader fills them in. */
export function fillIn(fields: readonly Field[], changes: Record<string, string>): Field[] {
  const filled: Field[] = fields.map(([name, value]) => [name, Object.hasOwn(changes, name) ? (changes[name] ?? '') : value]);
  for (const [name, value] of Object.entries(changes)) if (!fields.some(([each]) => each === name)) filled.push([name, value]);
  return filled;
}

export type Part = { name: string; value: string; filename?: string; contentType?: string; withoutDisposition?: boolean };

const quoted = (name: string) => name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');

/** A multipart/form-data body as browsers write it (names escaped as the HTML spec says). */
export function multipartBody(parts: readonly Part[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const headers = [
      ...(part.withoutDisposition ? [] : [`Content-Disposition: form-data; name="${quoted(part.name)}"${part.filename === undefined ? '' : `; filename="${quoted(part.filename)}"`}`]),
      ...(part.contentType ? [`Content-Type: ${part.contentType}`] : []),
    ];
    chunks.push(Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`), Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export const urlencodedBody = (fields: readonly Field[]): Buffer => Buffer.from(new URLSearchParams(fields.map(([name, value]) => [name, value])).toString());

export type Answer = { status: number; headers: IncomingHttpHeaders; text: string };

export type RawPost = { path: string; headers: Record<string, string>; body: Buffer };

/** Sends exactly these headers (Content-Length added from the body) and bytes. */
export async function send(baseUrl: string, { path, headers, body }: RawPost, method = 'POST'): Promise<Answer> {
  const answer = await rawRequest(`${baseUrl}${path}`, { method, headers: { 'content-length': String(body.length), ...headers }, body, timeoutMs: 60_000 });
  return { status: answer.status, headers: answer.headers, text: answer.body.toString('utf8') };
}

/** Where a server action's answer sends the browser: a 303's Location, or Next's header for fetch() calls. */
export const redirectOf = (answer: Answer): string => {
  const location = answer.headers.location ?? answer.headers['x-action-redirect'];
  return (Array.isArray(location) ? location[0] : location) ?? '';
};

/** The cookies an answer sets, as name → value ('' when it deletes one). */
export function cookiesSet(answer: Answer): Map<string, string> {
  return new Map((answer.headers['set-cookie'] ?? []).map((header) => {
    const { name, value } = parseSetCookie(header);
    return [name, value];
  }));
}
