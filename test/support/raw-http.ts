/**
 * An HTTP request whose answer is kept exactly as it came over the wire: status, headers and the
 * body's bytes, not decompressed (fetch() would undo a gzip or brotli body the test is checking).
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export type RawAnswer = { status: number; headers: IncomingHttpHeaders; body: Buffer };

type RawRequest = { method?: string; headers?: Record<string, string>; body?: Buffer; timeoutMs?: number };

/** Sends exactly these headers and bytes (a body is sent as given; the caller sets its length). */
export function rawRequest(url: string, { method = 'GET', headers = {}, body, timeoutMs }: RawRequest = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer to ${method} ${url} within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
