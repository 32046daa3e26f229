// @ts-check
/**
 * For wrappers of a Node answer that must see its headers before they are sent (the page policy,
 * the page cache): `writeHead`'s headers are not otherwise visible through `getHeaders()`.
 */

/**
 * Applies `writeHead`'s arguments to the answer as Node would merge them (its headers take
 * precedence over those set before), without sending anything yet.
 * @param {import('node:http').ServerResponse} response
 * @param {unknown[]} args
 */
export function takeHead(response, args) {
  const [statusCode, second, third] = args;
  response.statusCode = Number(statusCode);
  if (typeof second === 'string') response.statusMessage = second;
  const headers = typeof second === 'string' ? third : second;
  if (Array.isArray(headers)) {
    const pairs = Array.isArray(headers[0]) ? headers : headers.flatMap((value, index) => (index % 2 === 0 ? [[value, headers[index + 1]]] : []));
    const fresh = new Set();
    for (const [name, value] of pairs) {
      const key = String(name).toLowerCase();
      if (!fresh.has(key)) response.removeHeader(key);
      fresh.add(key);
      response.appendHeader(key, value);
    }
  } else if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
  }
}
