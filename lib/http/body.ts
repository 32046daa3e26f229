/**
 * Reading request bodies with a size limit that holds without reading the whole body: a declared
 * Content-Length over the limit is refused at once, and a streamed body is cut off as soon as it
 * passes the limit.
 */
import { AppError } from './errors';

export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () => new AppError('request.tooLarge', 413, `request body over ${MAX_BODY_BYTES} bytes`);

export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** A JSON body (any JSON media type), parsed; anything else is a 4xx with a stable code. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError('request.unsupportedType', 415, 'send the body as application/json');
  }
  const text = await readBodyText(request);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('request.invalid', 400, 'the body is not valid JSON');
  }
}
