/**
 * Liquid as Jekyll runs it: before markdown, with `site` and `page` in scope and the Jekyll tags
 * and filters that posts use (`post_url`, `link`, `highlight`, `relative_url`, `absolute_url`,
 * `markdownify`). liquidjs provides the language; this module provides Jekyll's vocabulary.
 */
import { Liquid, type TagToken, type TopLevelToken, type Template, type Context, type Emitter } from 'liquidjs';
import { renderMarkdownFragment } from './markdown-fragment';

export type LiquidSite = {
  /** `site.url`: empty, so `{{ site.url }}/images/x.png` stays a root-relative path, as in the seed. */
  url: string;
  baseurl: string;
  /** The public origin, used only by `absolute_url`. */
  origin: string;
  title: string;
  description: string;
  posts: Array<{ title: string; url: string; date: string; slug: string; tags: string[] }>;
};

/** Post file stem (`2016-05-20-docker-and-hyper`) to permalink, for `post_url` and `link`. */
export type PermalinkIndex = ReadonlyMap<string, string>;

/** Language prefix that marks a fenced block as coming from `{% highlight %}`. */
const HIGHLIGHT_PREFIX = 'jekyll-highlight-';
/** Follows the prefix when the tag asked for line numbers (`{% highlight js linenos %}`). */
const LINENOS_MARK = 'linenos-';

export function createLiquid(site: LiquidSite, permalinks: PermalinkIndex): Liquid {
  const liquid = new Liquid({ strictFilters: false, jekyllInclude: true, outputEscape: undefined });

  const withBase = (path: unknown) => {
    const text = String(path ?? '');
    if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
    return `${site.baseurl}${text.startsWith('/') ? '' : '/'}${text}`;
  };
  liquid.registerFilter('relative_url', withBase);
  liquid.registerFilter('absolute_url', (path: unknown) => {
    const relative = withBase(path);
    return /^[a-z][a-z0-9+.-]*:/i.test(relative) ? relative : `${site.origin}${relative}`;
  });
  liquid.registerFilter('markdownify', (text: unknown) => renderMarkdownFragment(String(text ?? '')));

  liquid.registerTag('post_url', {
    parse(token: TagToken) {
      this.stem = token.args.trim();
    },
    render() {
      const url = permalinks.get(this.stem);
      if (!url) throw new Error(`post_url: no post named "${this.stem}" in content/posts`);
      return url;
    },
  });

  liquid.registerTag('link', {
    parse(token: TagToken) {
      this.target = token.args.trim();
    },
    render() {
      const stem = /^_posts\/(?:.*\/)?([^/]+)\.(?:md|markdown)$/.exec(this.target)?.[1];
      const url = stem ? permalinks.get(stem) : undefined;
      if (!url) throw new Error(`link: cannot find "${this.target}" (only posts under _posts/ can be linked)`);
      return url;
    },
  });

  // `{% highlight lang %}` becomes a fenced block that the markdown pipeline highlights and then
  // wraps as Jekyll does (`<figure class="highlight">`); the language prefix tells the two forms
  // apart and, unlike fence meta, survives rehype-raw.
  liquid.registerTag('highlight', {
    parse(token: TagToken, remainTokens: TopLevelToken[]) {
      const [language = '', ...options] = token.args.trim().split(/\s+/);
      // Jekyll lower-cases the language; any `linenos` option gives rouge's line-number table.
      this.language = language.toLowerCase();
      this.linenos = options.some((option) => option.split('=')[0] === 'linenos');
      this.templates = [] as Template[];
      const stream = this.liquid.parser
        .parseStream(remainTokens)
        .on('tag:endhighlight', () => stream.stop())
        .on('template', (template: Template) => this.templates.push(template))
        .on('end', () => {
          throw new Error(`{% highlight ${token.args} %} is not closed by {% endhighlight %}`);
        });
      stream.start();
    },
    *render(context: Context, emitter: Emitter): Generator<unknown, void, string> {
      const code: string = yield this.liquid.renderer.renderTemplates(this.templates, context);
      // Jekyll strips leading and trailing line terminators only; trailing spaces stay code.
      const trimmed = code.replace(/^[\n\r]+|[\n\r]+$/g, '');
      const longestRun = Math.max(2, ...Array.from(trimmed.matchAll(/`+/g), (match) => match[0].length));
      const fence = '`'.repeat(longestRun + 1);
      const mark = this.linenos ? LINENOS_MARK : '';
      emitter.write(`${fence}${HIGHLIGHT_PREFIX}${mark}${this.language}\n${trimmed}\n${fence}`);
    },
  });

  return liquid;
}

export { HIGHLIGHT_PREFIX, LINENOS_MARK };

export async function renderLiquid(
  liquid: Liquid,
  source: string,
  scope: { site: LiquidSite; page: Record<string, unknown> },
  fileName: string,
): Promise<string> {
  try {
    return await liquid.parseAndRender(source, scope);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Liquid error in ${fileName}: ${message}`);
  }
}
