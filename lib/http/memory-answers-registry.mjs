// @ts-check
/**
 * The contract between the app's memory answers (lib/http/memory-answers.ts) and the HTTP server
 * (scripts/server.mjs), which both import this module: a process-wide registry (see
 * lib/process-wide.mjs) with one method the server calls on every request before Next runs. The
 * app makes the registry when it first publishes; until then the server finds none and every
 * request goes to Next.
 */
import { existingProcessWide, processWide } from '../process-wide.mjs';

/**
 * @typedef {import('node:http').IncomingMessage} IncomingMessage
 * @typedef {import('node:http').ServerResponse} ServerResponse
 */

/**
 * @typedef {object} MemoryAnswers
 * @property {(request: IncomingMessage, response: ServerResponse) => boolean} answer Sends the
 *   answer published for the request and returns true; or returns false, having sent nothing.
 */

/**
 * For the app: the registry, made by `create` in whichever copy of the app asks first.
 * @template {MemoryAnswers} T
 * @param {() => T} create
 * @returns {T}
 */
export function memoryAnswers(create) {
  return processWide('memory-answers', create);
}

/**
 * For the server: sends the request's answer from memory when the app has published one, and
 * says whether it did; false (nothing sent) before the app has made the registry.
 * @param {IncomingMessage} request
 * @param {ServerResponse} response
 * @returns {boolean}
 */
export function answerFromMemory(request, response) {
  const registry = existingProcessWide('memory-answers');
  return isMemoryAnswers(registry) && registry.answer(request, response);
}

/**
 * @param {unknown} value
 * @returns {value is MemoryAnswers}
 */
function isMemoryAnswers(value) {
  return typeof value === 'object' && value !== null && 'answer' in value && typeof value.answer === 'function';
}
