/**
 * Whether a cookie set in answer to this request should be `Secure`: when the browser talks to us
 * over https, which its Origin header says (also behind a proxy that ends TLS); without one (a
 * navigation, or a client that is not a browser), when the site's public address is https. Every
 * cookie that identifies a reader (reader id, authorship, admin session) follows it. Pure.
 */
export function isSecureOrigin(origin: string | null, siteUrl: string): boolean {
  const address = origin && origin !== 'null' ? origin : siteUrl;
  return address.startsWith('https:');
}
