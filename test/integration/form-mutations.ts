/**
 * What the form fuzzing does to a form before posting it (fast-check): a plan, generated without
 * the form, applied to the form as the page served it. Fields kept, dropped, replaced or repeated,
 * unknown ones added; React's action fields altered (`$ACTION_n:k` JSON, the `$ACTION_ID_<id>`
 * form instead of the `$ACTION_REF_n` one and back, unknown ids, another form's id); the body
 * encoded right or wrong (multipart cut short, without boundary=, a part without
 * Content-Disposition, empty, other content types, over 1 MB); and headers a browser would not
 * send (`Next-Action` on a plain form post, `Origin` of SITE_URL while Host is the server's own
 * address). About a quarter of the plans change nothing, so the form also goes through as is.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { multipartBody, urlencodedBody, type Field, type PageForm, type RawPost } from './page-forms';

/** Markers a generated value may hold, replaced when the plan meets a form (see `Substitutes`). */
const MARKERS = ['<own-id>', '<other-id>', '<token>', '<known-id>', '<admin-token>'] as const;
type Marker = (typeof MARKERS)[number];
export type Substitutes = Partial<Record<Marker, string>>;

const nasty = fc.constantFrom(
  '', ' ', '\u0000', 'a\u0000b', '\u202Eevil', '\u200B', '\uD800', '\r\n', '😀', 'x'.repeat(5001), '<script>alert(1)</script>', '../../etc/passwd',
  '%00', '{"a":', 'null', '[]', '__proto__', 'zh', 'en', 'fr', 'auto', 'approve', 'spam', 'delete', 'published', '$@1', '$F1', '$Q1', '$K1', '$h1', '$T', '$undefined',
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.fullUnicodeString({ maxLength: 40 }), nasty, fc.constantFrom(...MARKERS));
const actionJson = fc.oneof(
  fc.constantFrom(
    'nonsense', '', '{}', '[]', 'null', '1', '"$@1"', '{"id":1}', '{"id":"<own-id>","bound":"$@2"}', '{"id":"<own-id>","bound":"nonsense"}', '{"id":"<own-id>","bound":null}',
    '{"id":"<other-id>","bound":"$@1"}', '{"id":"00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00","bound":"$@1"}', '[{"status":"error"}]', '[null,null]', '{"id":"', '[', '["$@1"]', '["$K1"]', '["$F1"]', '[{"status":"confirm","values":null}]',
  ),
  fc.json({ maxDepth: 2 }),
  text,
);

export type FieldPlan = { kind: 'keep' } | { kind: 'drop' } | { kind: 'replace'; value: string } | { kind: 'repeat'; value: string; before: boolean };
const fieldPlan: fc.Arbitrary<FieldPlan> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: 'keep' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop' as const }) },
  { weight: 1, arbitrary: text.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), value: text, before: fc.boolean() }) },
);

export type ActionPlan =
  | { kind: 'keep' }
  | { kind: 'json'; part: 0 | 1; value: string }
  | { kind: 'swap form' }
  | { kind: 'id'; id: string }
  | { kind: 'drop action fields' };
const actionPlan: fc.Arbitrary<ActionPlan> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'keep' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('json' as const), part: fc.constantFrom(0 as const, 1 as const), value: actionJson }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'swap form' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('id' as const), id: fc.oneof(fc.constantFrom('<other-id>', '', 'x', '../x'), fc.stringMatching(/^[0-9a-f]{42}$/), text) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop action fields' as const }) },
);

export const ENCODINGS = ['multipart', 'cut short', 'no boundary', 'wrong boundary', 'empty body', 'part without Content-Disposition', 'a part as a file', 'urlencoded', 'text/plain', 'application/json', 'no content type', 'over 1 MB'] as const;
export type Encoding = (typeof ENCODINGS)[number];
const encoding: fc.Arbitrary<Encoding> = fc.oneof({ weight: 14, arbitrary: fc.constant('multipart' as const) }, { weight: 8, arbitrary: fc.constantFrom(...ENCODINGS) });

export const HEADER_CHANGES = ['Next-Action: own id', 'Next-Action: unknown id', 'Origin: SITE_URL', 'Origin: another site', 'no Origin', 'Accept: text/x-component'] as const;
export type HeaderChange = (typeof HEADER_CHANGES)[number];

export type Plan = { fields: FieldPlan[]; extra: Field[]; action: ActionPlan; encoding: Encoding; headers: HeaderChange[] };

const extraField: fc.Arbitrary<Field> = fc.tuple(fc.oneof(text, fc.constantFrom('$ACTION_REF_2', '$ACTION_2:0', '$ACTION_1:2', '$ACTION_KEY', '$ACTION_ID_', '$ACTION_ID_<other-id>', 'constructor', 'token', 'id', 'parentId', 'formToken')), text);

const mutated: fc.Arbitrary<Plan> = fc.record({
  fields: fc.array(fieldPlan, { maxLength: 20 }),
  extra: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(extraField, { minLength: 1, maxLength: 3 }) }),
  action: actionPlan,
  encoding,
  headers: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.subarray([...HEADER_CHANGES], { minLength: 1, maxLength: 2 }) }),
});
/** The form as the page serves it: nothing changed. */
export const AS_SERVED: Plan = { fields: [], extra: [], action: { kind: 'keep' }, encoding: 'multipart', headers: [] };

/** A plan: about one in four changes nothing at all. */
export const plans: fc.Arbitrary<Plan> = fc.oneof({ weight: 1, arbitrary: fc.constant(AS_SERVED) }, { weight: 3, arbitrary: mutated });

export const isUnchanged = (plan: Plan): boolean =>
  plan.fields.every((each) => each.kind === 'keep') && plan.extra.length === 0 && plan.action.kind === 'keep' && plan.encoding === 'multipart' && plan.headers.length === 0;

const substitute = (value: string, substitutes: Substitutes) => value.replace(/<(own-id|other-id|token|known-id|admin-token)>/g, (marker) => substitutes[marker as Marker] ?? marker);

const isActionField = (name: string) => name.startsWith('$ACTION_');

function applyAction(fields: Field[], plan: ActionPlan, ownId: string, substitutes: Substitutes): Field[] {
  const refForm = fields.some(([name]) => name.startsWith('$ACTION_REF_'));
  const withoutAction = fields.filter(([name]) => !isActionField(name));
  switch (plan.kind) {
    case 'keep':
      return fields;
    case 'drop action fields':
      return withoutAction;
    case 'swap form':
      return refForm ? [[`$ACTION_ID_${ownId}`, ''], ...withoutAction] : [['$ACTION_REF_1', ''], ['$ACTION_1:0', JSON.stringify({ id: ownId, bound: null })], ...withoutAction];
    case 'id': {
      const id = substitute(plan.id, substitutes);
      return refForm
        ? fields.map(([name, value]) => (/^\$ACTION_\d+:0$/.test(name) ? [name, value.replace(ownId, id)] : [name, value]))
        : fields.map(([name, value]) => (name.startsWith('$ACTION_ID_') ? [`$ACTION_ID_${id}`, value] : [name, value]));
    }
    case 'json': {
      const value = substitute(plan.value, substitutes);
      if (refForm) return fields.map(([name, current]) => (new RegExp(`^\\$ACTION_\\d+:${plan.part}$`).test(name) ? [name, value] : [name, current]));
      const parts = plan.part === 0 ? [value, '[]'] : [JSON.stringify({ id: ownId, bound: '$@1' }), value];
      return [['$ACTION_REF_1', ''], ['$ACTION_1:0', parts[0] ?? ''], ['$ACTION_1:1', parts[1] ?? ''], ...withoutAction];
    }
  }
}

function applyFields(fields: Field[], plans: readonly FieldPlan[], substitutes: Substitutes): Field[] {
  return fields.flatMap(([name, value], index): Field[] => {
    const plan = plans[index] ?? { kind: 'keep' };
    if (plan.kind === 'drop') return [];
    if (plan.kind === 'replace') return [[name, substitute(plan.value, substitutes)]];
    if (plan.kind === 'repeat') return plan.before ? [[name, substitute(plan.value, substitutes)], [name, value]] : [[name, value], [name, substitute(plan.value, substitutes)]];
    return [[name, value]];
  });
}

/** The names of the fields the plan's field changes apply to (after its change to the action fields). */
export function plannedFieldNames(filled: readonly Field[], form: PageForm, plan: Plan): string[] {
  return applyAction([...filled], plan.action, form.actionId ?? '', {}).map(([name]) => name);
}

/** The fields the plan sends (before encoding). */
export function plannedFields(filled: readonly Field[], form: PageForm, plan: Plan, substitutes: Substitutes): Field[] {
  const ownId = form.actionId ?? '';
  const all = { ...substitutes, '<own-id>': ownId };
  const acted = applyAction([...filled], plan.action, ownId, all);
  return [...applyFields(acted, plan.fields, all), ...plan.extra.map(([name, value]): Field => [substitute(name, all), substitute(value, all)])];
}

/** The Origin of another site's page. */
export const CROSS_SITE_ORIGIN = 'https://evil.example';

export type RequestContext = { ownOrigin: string; siteUrl: string; address: string; cookie: string };

/** The request a browser would send for these fields, then changed as the plan says. */
export function buildRequest(form: PageForm, fields: readonly Field[], plan: Plan, context: RequestContext): RawPost {
  const boundary = `----duizhaoFuzz${randomBytes(8).toString('hex')}`;
  const headers: Record<string, string> = { 'x-forwarded-for': context.address, origin: context.ownOrigin, 'sec-fetch-site': 'same-origin', accept: 'text/html' };
  if (context.cookie) headers.cookie = context.cookie;
  const parts = fields.map(([name, value]) => ({ name, value }));
  let body = multipartBody(parts, boundary);
  let contentType = `multipart/form-data; boundary=${boundary}`;
  switch (plan.encoding) {
    case 'multipart':
      break;
    case 'cut short':
      body = body.subarray(0, Math.max(0, Math.floor(body.length / 2)));
      break;
    case 'no boundary':
      contentType = 'multipart/form-data';
      break;
    case 'wrong boundary':
      contentType = 'multipart/form-data; boundary=not-the-one-used';
      break;
    case 'empty body':
      body = Buffer.alloc(0);
      break;
    case 'part without Content-Disposition':
      body = multipartBody(parts.map((part, index) => (index === parts.length - 1 || index === 0 ? { ...part, withoutDisposition: true } : part)), boundary);
      break;
    case 'a part as a file':
      body = multipartBody(parts.map((part, index) => (index === parts.length - 1 ? { ...part, filename: 'x.txt', contentType: 'text/plain' } : part)), boundary);
      break;
    case 'urlencoded':
      body = urlencodedBody(fields);
      contentType = 'application/x-www-form-urlencoded';
      break;
    case 'text/plain':
      body = Buffer.from(fields.map(([name, value]) => `${name}=${value}`).join('\r\n'));
      contentType = 'text/plain';
      break;
    case 'application/json':
      body = Buffer.from(JSON.stringify(Object.fromEntries(fields)));
      contentType = 'application/json';
      break;
    case 'no content type':
      contentType = '';
      break;
    case 'over 1 MB':
      body = multipartBody([...parts, { name: 'body', value: 'a'.repeat(1_100_000) }], boundary);
      break;
  }
  if (contentType) headers['content-type'] = contentType;
  const ownId = form.actionId ?? '';
  for (const change of plan.headers) {
    if (change === 'Next-Action: own id') headers['next-action'] = ownId;
    if (change === 'Next-Action: unknown id') headers['next-action'] = '00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00';
    if (change === 'Origin: SITE_URL') headers.origin = new URL(context.siteUrl).origin;
    if (change === 'Origin: another site') headers.origin = CROSS_SITE_ORIGIN;
    if (change === 'no Origin') delete headers.origin;
    if (change === 'Accept: text/x-component') headers.accept = 'text/x-component';
  }
  return { path: form.path, headers, body };
}

/** The request as a reproduction: method, path, headers and the body (cut at 1,500 bytes). */
export function describeRequest(request: RawPost): string {
  const shown = request.body.subarray(0, 1500).toString('utf8');
  const more = request.body.length > 1500 ? `\n… (${request.body.length} bytes in all)` : '';
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`).join('\n');
  return `POST ${request.path}\n${headers}\n\n${JSON.stringify(shown)}${more}`;
}

/** Plans one step simpler than this one: one change undone each. */
export function simplerPlans(plan: Plan): Plan[] {
  return [
    ...plan.headers.map((_, index) => ({ ...plan, headers: plan.headers.filter((__, other) => other !== index) })),
    ...(plan.encoding === 'multipart' ? [] : [{ ...plan, encoding: 'multipart' as const }]),
    ...(plan.action.kind === 'keep' ? [] : [{ ...plan, action: { kind: 'keep' as const } }]),
    ...plan.extra.map((_, index) => ({ ...plan, extra: plan.extra.filter((__, other) => other !== index) })),
    ...plan.fields.flatMap((each, index) => (each.kind === 'keep' ? [] : [{ ...plan, fields: plan.fields.map((field, other): FieldPlan => (other === index ? { kind: 'keep' } : field)) }])),
  ];
}

/** What the plan changed, in a few words (naming the fields changed when their names are given). */
export function describePlan(plan: Plan, fieldNames: readonly string[] = []): string {
  if (isUnchanged(plan)) return 'as served';
  const changed = plan.fields.flatMap((each, index) => (each.kind === 'keep' || index >= fieldNames.length ? [] : [`${fieldNames[index]} ${each.kind === 'repeat' ? 'repeated' : each.kind === 'drop' ? 'dropped' : 'replaced'}`]));
  const changes = [
    ...(changed.length > 0 ? [`fields (${changed.join(', ')})`] : plan.fields.some((each, index) => each.kind !== 'keep' && index < fieldNames.length) || (fieldNames.length === 0 && plan.fields.some((each) => each.kind !== 'keep')) ? ['fields'] : []),
    ...(plan.extra.length > 0 ? ['unknown fields'] : []),
    ...(plan.action.kind === 'keep' ? [] : [`action: ${plan.action.kind}`]),
    ...(plan.encoding === 'multipart' ? [] : [plan.encoding]),
    ...plan.headers,
  ];
  return changes.join(', ');
}
