/**
 * The mixed traffic of the memory and soak benchmarks: reads of every page (the post in each
 * locale and reading state, lists, tags, credits, the comments page, feeds, sitemap, robots, the
 * glossary, the image) and of the comments and notes APIs, with a comment or a reader's note
 * written now and then; and what a benchmark needs to start a server of its own for it and to read
 * that server's memory.
 */
import { readdirSync, readFileSync } from 'node:fs';

export const SLUG = 'docker-and-hyper';
/** Write limits out of the way: the traffic comes from a handful of addresses. */
const LIMIT_OFF = '100000000';
export const MIXED_TRAFFIC_ENV = {
  TRUSTED_PROXIES: '127.0.0.1',
  COMMENTS_RATE_PER_MINUTE: LIMIT_OFF,
  COMMENTS_RATE_PER_DAY: LIMIT_OFF,
  NOTES_RATE_PER_MINUTE: LIMIT_OFF,
  NOTES_RATE_PER_DAY: LIMIT_OFF,
  REDIS_URL: undefined,
  COMMENTS_PREMODERATE: undefined,
};

const READS = [
  ...['zh', 'en'].flatMap((locale) => [
    `/${locale}/posts/${SLUG}`,
    ...['off', 'inline', 'parallel'].flatMap((gloss) => [`/${locale}/posts/${SLUG}?gloss=${gloss}&pinyin=0`, `/${locale}/posts/${SLUG}?gloss=${gloss}&pinyin=1`]),
    `/${locale}`,
    `/${locale}/tags/docker`,
    `/${locale}/credits`,
    `/${locale}/posts/${SLUG}/comments?page=2`,
  ]),
  '/feed.xml',
  `/feed/${SLUG}.xml`,
  '/sitemap.xml',
  '/robots.txt',
  `/glossary/${SLUG}.json`,
  '/images/docker/hyper.png',
  `/api/posts/${SLUG}/comments`,
  `/api/posts/${SLUG}/comments?page=1`,
  `/api/posts/${SLUG}/annotations/`,
];

/** Resident memory of a process group, in MB (the server and any process it started). */
export function groupRssMb(leader) {
  let kilobytes = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (group !== leader) continue;
      kilobytes += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return kilobytes / 1024;
}

function note(siteUrl, n) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    motivation: 'commenting',
    body: { type: 'TextualBody', value: `Note ${n}: the part about hyper`, format: 'text/markdown' },
    target: {
      source: `${siteUrl}/zh/posts/${SLUG}`,
      selector: [
        { type: 'TextQuoteSelector', exact: 'Docker', prefix: '很多人都说', suffix: '只不过是把内核' },
        { type: 'CssSelector', value: '[data-block="docker-p2"]', refinedBy: { type: 'TextPositionSelector', start: 5, end: 11 } },
      ],
    },
  };
}

/**
 * Request n of the mix: a write every `writeEvery`, alternating comments and notes; else a read.
 * Each request comes from an address of its own (in X-Forwarded-For, believed from 127.0.0.1).
 */
export function mixedRequest(origin, siteUrl, n, writeEvery) {
  const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  if (n % writeEvery === 0) {
    const comment = (n / writeEvery) % 2 === 0;
    const body = comment ? { author: `Reader ${n}`, body: `Comment ${n}: 容器启动速度那一段写得很清楚。` } : note(siteUrl, n);
    return {
      kind: comment ? 'comment' : 'note',
      url: `${origin}/api/posts/${SLUG}/${comment ? 'comments' : 'annotations/'}`,
      init: { method: 'POST', headers: { 'content-type': comment ? 'application/json' : 'application/ld+json', 'x-forwarded-for': address }, body: JSON.stringify(body) },
    };
  }
  const path = READS[n % READS.length];
  return { kind: 'read', url: `${origin}${path}`, init: { headers: { 'accept-encoding': 'gzip, br', cookie: path.startsWith('/en') ? 'lang=en' : 'lang=zh' } } };
}

