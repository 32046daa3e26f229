/**
 * A reader of the comments API over real HTTP: keeps the cookies the server sets (authorship,
 * reader id) like a browser would, and comes from a client address of its own via
 * X-Forwarded-For (the test servers trust 127.0.0.1 as a proxy), so that per-address limits of
 * one test do not spill into another. Every response is logged for the "nothing private leaks"
 * check.
 */
import http from 'node:http';

export type ApiResponse = {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON: parse it (zod) to read it. */
  json: unknown;
};

let addressCounter = 0;
const addressBase = Math.floor(Math.random() * 200);

/** A client address no other reader of this run uses (TEST-NET style private range). */
export function freshAddress(): string {
  addressCounter += 1;
  return `10.${addressBase}.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
}

export type RequestOptions = {
  json?: unknown;
  /** A raw body; sent as is with `contentType`. */
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
};

export type ReaderOptions = {
  /** A fixed client address; by default every request comes from a new one. */
  address?: string | null;
  log?: ApiResponse[];
};

/** A Set-Cookie header's name and value; the value is '' when the header deletes the cookie. */
export function parseSetCookie(header: string): { name: string; value: string } {
  const [pair = '', ...attributes] = header.split(';');
  const separator = pair.indexOf('=');
  const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*0\s*$/i.test(attribute) || /^\s*expires\s*=.*1970/i.test(attribute));
  return { name: pair.slice(0, separator).trim(), value: expired ? '' : pair.slice(separator + 1).trim() };
}

export class Reader {
  readonly cookies = new Map<string, string>();
  private readonly address: string | null | undefined;
  private readonly log: ApiResponse[] | undefined;

  constructor(
    private readonly baseUrl: string,
    options: ReaderOptions = {},
  ) {
    this.address = options.address;
    this.log = options.log;
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const address = this.address === undefined ? freshAddress() : this.address;
    if (address !== null) headers['x-forwarded-for'] = address;
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = options.body;
      if (options.contentType) headers['content-type'] = options.contentType;
    }
    const url = `${this.baseUrl}${path}`;
    const response = await fetch(url, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    for (const cookie of response.headers.getSetCookie()) {
      const { name, value } = parseSetCookie(cookie);
      if (value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const result: ApiResponse = { method, url, status: response.status, headers: response.headers, text, json };
    this.log?.push(result);
    return result;
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, options);
  }
  post(path: string, json?: unknown, options: RequestOptions = {}) {
    return this.request('POST', path, json === undefined ? options : { ...options, json });
  }
  patch(path: string, json: unknown, options: RequestOptions = {}) {
    return this.request('PATCH', path, { ...options, json });
  }
  delete(path: string, options?: RequestOptions) {
    return this.request('DELETE', path, options);
  }
}

/** Paths of any `email` or `ipHash` key anywhere in a JSON value. */
export function privateFields(value: unknown, at = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => privateFields(item, `${at}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(/^(email|ipHash)$/i.test(key) ? [`${at}.${key}`] : []),
      ...privateFields(item, `${at}.${key}`),
    ]);
  }
  return [];
}

export type StreamResult = {
  status: number;
  body: string;
  /** Body bytes written when the response arrived. */
  bytesSentBeforeResponse: number;
  /** Whether the whole body had been written (and ended) before the response arrived. */
  streamFinished: boolean;
  millisecondsToResponse: number;
};

/**
 * POSTs a JSON body of `totalBytes` with chunked transfer encoding (no Content-Length), slowly,
 * straight through node:http, and stops writing as soon as a response arrives.
 */
export function streamOversizedBody(
  baseUrl: string,
  path: string,
  options: { totalBytes: number; chunkBytes: number; intervalMs: number; headers?: Record<string, string> },
): Promise<StreamResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const request = http.request(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...options.headers },
    });
    let sent = 0;
    let finished = false;
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      const bytesSentBeforeResponse = sent;
      const streamFinished = finished;
      const millisecondsToResponse = Date.now() - started;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body, bytesSentBeforeResponse, streamFinished, millisecondsToResponse });
      });
      response.on('error', reject);
    });
    request.on('error', (error) => {
      if (!answered) reject(new Error(`request failed after ${sent} bytes without a response: ${error.message}`));
    });
    const chunk = Buffer.alloc(options.chunkBytes, 'a');
    const pump = async () => {
      request.write('{"author":"Big","body":"');
      while (!answered && sent < options.totalBytes) {
        const flushed = request.write(chunk);
        sent += chunk.length;
        if (!flushed) {
          await new Promise<void>((done) => {
            request.once('drain', () => done());
            request.once('close', () => done());
          });
        }
        await new Promise((done) => setTimeout(done, options.intervalMs));
      }
      if (!answered) {
        finished = true;
        request.end('"}');
      }
    };
    pump().catch(reject);
  });
}
