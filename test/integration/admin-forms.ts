/**
 * The moderation page's forms, posted as a browser without JavaScript posts them: its hidden
 * fields (React's action fields among them) and the fields given. Signing in goes through the
 * page's own form with the token, never through a cookie made up by the test.
 */
import { freshAddress, Reader } from './http-client';

/** Posts one form of a page (its HTML) with the reader's cookies, from `address`. */
export async function submitForm(baseUrl: string, browser: Reader, address: string, form: string, fields: Record<string, string> = {}): Promise<Response> {
  const body = new FormData();
  for (const input of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
    const value = /\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name && /type="hidden"/.test(input[0])) body.append(name.replace(/&amp;/g, '&'), value.replace(/&amp;/g, '&'));
  }
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  const action = /<form\b[^>]*\baction="([^"]*)"/.exec(form)?.[1];
  const target = action && action.startsWith('/') ? action.replace(/&amp;/g, '&') : '/zh/admin';
  const response = await fetch(`${baseUrl}${target}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { 'x-forwarded-for': address, origin: baseUrl, cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
  });
  await response.arrayBuffer();
  return response;
}

/** `skip` says why signing in could not be tried (no form to sign in with), else null. */
export type AdminSignIn = { browser: Reader; skip: string | null; signedIn: boolean; location: string };

/** Signs in on /zh/admin with `token`, as `browser` (a fresh reader from `address` by default). */
export async function signInAsAdmin(baseUrl: string, token: string, address = freshAddress(), browser = new Reader(baseUrl, { address })): Promise<AdminSignIn> {
  const page = await browser.get('/zh/admin', { headers: { accept: 'text/html' } });
  const form = /<form\b[^>]*>(?:(?!<\/form>)[\s\S])*name="token"(?:(?!<\/form>)[\s\S])*<\/form>/.exec(page.text)?.[0];
  if (page.status !== 200 || !form) return { browser, signedIn: false, location: '', skip: `no HTTP sign-in for the admin: GET /zh/admin answered ${page.status}${page.status === 200 ? ' without a token form' : ''}` };
  const response = await submitForm(baseUrl, browser, address, form, { token });
  const cookie = response.headers.getSetCookie().find((each) => each.startsWith('duizhao_admin='));
  if (cookie) browser.cookies.set('duizhao_admin', (cookie.split(';')[0] ?? '').slice('duizhao_admin='.length));
  // A server action's redirect: 303 with the page to go to (x-action-redirect when sent by fetch).
  const location = response.headers.get('location') ?? response.headers.get('x-action-redirect') ?? '';
  return { browser, signedIn: cookie !== undefined, location, skip: null };
}

/** The signed-in page's sign-out form, posted: the session ends on the server. */
export async function signOutAdmin(baseUrl: string, admin: Reader, address: string): Promise<Response> {
  const page = await admin.get('/zh/admin', { headers: { accept: 'text/html' } });
  const form = /<form\b[^>]*>(?:(?!<\/form>)[\s\S])*退出登录(?:(?!<\/form>)[\s\S])*<\/form>/.exec(page.text)?.[0];
  if (!form) throw new Error('the signed-in moderation page has no sign-out form');
  return submitForm(baseUrl, admin, address, form);
}
