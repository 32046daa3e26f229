/**
 * The hostile-input suite's browser: headless Chromium, launched as every browser of the project
 * (test/support/chromium.mjs), with tripwires on every page of every context: a
 * `dialog` listener (alert, confirm, prompt), a global `__tripwire()` the payloads call, new
 * windows, and Content-Security-Policy violations (markup that tried to run and was stopped).
 * Every page opened is counted; `unsafeMarkup` lists what in the reader-written parts of a page
 * could run script or send a reader to a script URL.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium.mjs';

export type BrowserTally = {
  pagesOpened: number;
  /** Dialogs, tripwire calls and new windows: a payload that ran. */
  executions: string[];
  /**
   * Blocked by the Content-Security-Policy: markup that would have run without it, or the app's
   * own code trying what the policy forbids (zod probing `new Function` outside jitless mode).
   */
  violations: string[];
};

export const launchBrowser = (): Promise<Browser> => chromium.launch(chromiumLaunchOptions());

/** A reader's browser context with every tripwire set. */
export async function trippedContext(
  browser: Browser,
  baseURL: string,
  tally: BrowserTally,
  options: { javaScriptEnabled: boolean; storageState?: Awaited<ReturnType<BrowserContext['storageState']>> },
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: options.javaScriptEnabled, storageState: options.storageState });
  await context.exposeBinding('__hostileReport', ({ frame }, kind: unknown, detail: unknown) => {
    const what = `${String(kind)} in ${frame.url().slice(0, 120)}: ${String(detail).slice(0, 200)}`;
    if (kind === 'violation') tally.violations.push(what);
    else tally.executions.push(what);
  });
  await context.addInitScript(() => {
    const report = (kind: string, detail: string) => {
      const binding = (window as unknown as { __hostileReport?: (kind: string, detail: string) => Promise<void> }).__hostileReport;
      void binding?.(kind, detail);
    };
    Object.defineProperty(window, '__tripwire', { value: (what: unknown) => report('tripwire', String(what)), writable: false, configurable: false });
    document.addEventListener('securitypolicyviolation', (event) => {
      report('violation', `${event.effectiveDirective} ${event.blockedURI} from ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
    });
  });
  context.on('page', (page) => watchPage(page, tally));
  return context;
}

function watchPage(page: Page, tally: BrowserTally): void {
  page.on('dialog', (dialog) => {
    tally.executions.push(`${dialog.type()} "${dialog.message()}" on ${page.url()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('popup', (popup) => tally.executions.push(`a new window (${popup.url()}) from ${page.url()}`));
}

/** Where readers' words are on a page: `root` holds them with the app's own markup, `texts` are their rendered markdown. */
export type ReaderParts = { root: string; texts: string };

export const COMMENT_PARTS: ReaderParts = { root: '#comments', texts: 'article.comment-card > .comment-body' };
export const NOTE_PARTS: ReaderParts = { root: 'aside#notes-panel', texts: '.note-body' };
export const ADMIN_PARTS: ReaderParts = { root: 'main', texts: 'main article > div[lang]' };

/**
 * What in the reader-written parts could run or send a reader somewhere dangerous: script-capable
 * elements, event-handler and srcdoc attributes, script URLs in any URL attribute; and, inside the
 * rendered markdown, anything beyond the renderer's allowlist (p, br, em, strong, code, pre,
 * blockquote, lists, and links to http, https or mailto addresses).
 */
export function unsafeMarkup(page: Page, parts: readonly ReaderParts[]): Promise<string[]> {
  return page.evaluate(({ scopes, reactFormAction }) => {
    const problems: string[] = [];
    const where = (element: Element) => `${element.localName} in ${element.closest('[id]')?.id ?? 'the page'}`;
    const capable = 'script, iframe, frame, frameset, object, embed, applet, portal, base, meta, link, style, svg, math, img, image, picture, video, audio, source, template, xmp, plaintext';
    const urlAttributes = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'cite', 'codebase', 'dynsrc', 'lowsrc']);
    const allowed = new Set(['p', 'br', 'em', 'strong', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a']);
    for (const scope of scopes) {
      const roots = [...document.querySelectorAll(scope.root)];
      if (roots.length === 0) problems.push(`no ${scope.root} on the page`);
      for (const root of roots) {
        for (const element of root.querySelectorAll(capable)) problems.push(`<${where(element)}>`);
        for (const element of root.querySelectorAll('*')) {
          for (const attribute of Array.from(element.attributes)) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.replace(/[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, '').toLowerCase();
            if (name.startsWith('on') || name === 'srcdoc') problems.push(`${name} on ${where(element)}`);
            // React's own stand-in action on a hydrated server-action form, which only throws.
            const reactForm = element.localName === 'form' && name === 'action' && attribute.value.startsWith(reactFormAction);
            if (urlAttributes.has(name) && !reactForm && /^(?:javascript|vbscript|data|livescript|mocha):/.test(value)) problems.push(`${name}="${attribute.value.slice(0, 80)}" on ${where(element)}`);
          }
        }
      }
      for (const text of document.querySelectorAll(scope.texts)) {
        for (const element of text.querySelectorAll('*')) {
          if (!allowed.has(element.localName) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`<${where(element)}> in reader text`);
          for (const attribute of Array.from(element.attributes)) {
            const safeLink = element.localName === 'a' && ((attribute.name === 'href' && /^(?:https?:\/\/|mailto:)/i.test(attribute.value)) || attribute.name === 'rel');
            if (!safeLink) problems.push(`${attribute.name}="${attribute.value.slice(0, 60)}" on ${where(element)} in reader text`);
          }
        }
      }
    }
    return problems;
  }, { scopes: parts, reactFormAction: "javascript:throw new Error('A React form was unexpectedly submitted." });
}

/** Names and websites as the comments on the page show them, by comment id. */
export function shownAuthors(page: Page): Promise<Array<{ id: string; author: string; website: string | null }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll('li.comment')].flatMap((item) => {
      const author = item.querySelector(':scope > article .comment-author');
      if (!author) return [];
      return [{ id: item.id.replace(/^comment-/, ''), author: author.textContent ?? '', website: author.querySelector('a')?.getAttribute('href') ?? null }];
    }),
  );
}
