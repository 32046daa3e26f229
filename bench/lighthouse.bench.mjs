/**
 * Lighthouse (default config: mobile emulation, simulated throttling) on the Chinese post page,
 * several runs each in a fresh Chrome. Prints median category scores and key metrics, lists the
 * audits that keep a category below its target (with the offending items), and for performance
 * also the failing diagnostics of the median run, which say where the time goes. Each run's full
 * report is kept as bench/results/lighthouse-run-N.json (open it in the Lighthouse viewer).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const name = 'lighthouse';

const PAGE = '/zh/posts/docker-and-hyper';
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'];
/** Category id -> minimum score (0-100). */
const TARGETS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };
const METRICS = [
  ['largest-contentful-paint', 'LCP', 'ms'],
  ['total-blocking-time', 'TBT', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''],
  ['first-contentful-paint', 'FCP', 'ms'],
];
const MAX_ITEMS = 5;

async function lighthouseOnce(url, reportFile) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(TARGETS) });
    if (!result?.lhr) throw new Error('Lighthouse returned no result');
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    writeFileSync(reportFile, result.report);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

const score = (lhr, categoryId) => Math.round(lhr.categories[categoryId].score * 100);

/** Scored audits of a category that fall short: weighted ones cost points, the rest are diagnostics. */
function shortAudits(lhr, categoryId, { weighted, below }) {
  return lhr.categories[categoryId].auditRefs
    .filter((ref) => (ref.weight > 0) === weighted)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => typeof audit.score === 'number' && audit.score < below);
}

/** A short text for one details item: a DOM node, a message with its URL, or its plain fields. */
function describeItem(item) {
  const node = item.node ?? item.element;
  if (node?.snippet) return [node.selector, node.snippet, node.explanation?.replaceAll('\n', ' ')].filter(Boolean).join(' ');
  const where = item.url ?? item.sourceLocation?.url ?? item.source?.url;
  const what = typeof item.description === 'string' ? item.description : '';
  if (what || where) return [what, where].filter(Boolean).join(' — ');
  const fields = Object.entries(item).filter(([, value]) => ['string', 'number'].includes(typeof value));
  return fields.map(([key, value]) => `${key}: ${typeof value === 'number' ? Math.round(value) : value}`).join(', ');
}

/** One line per offending item of an audit; nested tables (as in LCP breakdowns) are flattened. */
function itemLines(audit, max) {
  const items = (audit.details?.items ?? []).flatMap((item) => (item.type === 'table' ? item.items : [item]));
  const lines = items.slice(0, max).map((item) => `      - ${describeItem(item)}`);
  if (items.length > max) lines.push(`      - … and ${items.length - max} more`);
  return lines;
}

function auditLine(audit) {
  return `${audit.id} — ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}; score ${audit.score}`;
}

/**
 * Notes for each audit that held a below-target category down, and in how many runs it did so;
 * figures quoted are from the median run when the audit fell short there.
 */
function describeMisses(ctx, runs, medianRun, medianScores) {
  const misses = [];
  for (const [categoryId, target] of Object.entries(TARGETS)) {
    if (medianScores[categoryId] >= target) continue;
    const seen = new Map();
    runs.forEach((lhr, index) => {
      for (const audit of shortAudits(lhr, categoryId, { weighted: true, below: 1 })) {
        const earlier = seen.get(audit.id);
        seen.set(audit.id, { audit: earlier && index !== medianRun ? earlier.audit : audit, failedIn: (earlier?.failedIn ?? 0) + 1 });
      }
    });
    for (const { audit, failedIn } of seen.values()) {
      ctx.note(`${categoryId} below ${target}: ${auditLine(audit)}, short in ${failedIn}/${runs.length} runs`);
      for (const line of itemLines(audit, MAX_ITEMS)) ctx.note(line);
      misses.push({ category: categoryId, id: audit.id, title: audit.title, displayValue: audit.displayValue, score: audit.score, failedIn, items: audit.details?.items?.slice(0, MAX_ITEMS) });
    }
  }
  return misses;
}

/** Notes for the performance diagnostics of one run that Lighthouse flags (score below 0.9). */
function describeDiagnostics(ctx, lhr, runNumber) {
  const diagnostics = shortAudits(lhr, 'performance', { weighted: false, below: 0.9 });
  if (diagnostics.length) ctx.note(`performance diagnostics flagged in the median run (run ${runNumber}):`);
  for (const audit of diagnostics) {
    ctx.note(`   ${auditLine(audit)}`);
    for (const line of itemLines(audit, 3)) ctx.note(`   ${line}`);
  }
  return diagnostics.map((audit) => ({ id: audit.id, title: audit.title, displayValue: audit.displayValue, score: audit.score }));
}

export async function run(ctx) {
  const url = ctx.url(PAGE);
  const runs = [];
  for (let i = 1; i <= RUNS; i++) {
    ctx.log(`run ${i}/${RUNS} on ${url}`);
    runs.push(await lighthouseOnce(url, path.join(ctx.resultsDir, `lighthouse-run-${i}.json`)));
  }

  const medianScores = Object.fromEntries(Object.keys(TARGETS).map((id) => [id, ctx.median(runs.map((lhr) => score(lhr, id)))]));
  const rows = Object.entries(TARGETS).map(([id, target]) =>
    ctx.row(`${id} score (median of ${RUNS})`, medianScores[id], '/100', target === 100 ? ctx.exactly(100) : ctx.atLeast(target)),
  );
  for (const [id, label, unit] of METRICS) {
    const value = ctx.median(runs.map((lhr) => lhr.audits[id].numericValue));
    rows.push(ctx.row(`${label} (median)`, unit === 'ms' ? Math.round(value) : Number(value.toFixed(3)), unit));
  }

  // The run whose performance score is (closest to) the median: its figures are quoted in the notes.
  const distances = runs.map((lhr) => Math.abs(score(lhr, 'performance') - medianScores.performance));
  const medianRun = distances.indexOf(Math.min(...distances));
  const { lighthouseVersion, environment, configSettings } = runs[0];
  ctx.note(`Lighthouse ${lighthouseVersion}, ${configSettings.formFactor} emulation, ${configSettings.throttlingMethod} throttling; ${environment.hostUserAgent}`);
  ctx.note(`performance per run: ${runs.map((lhr) => score(lhr, 'performance')).join(', ')}; Lighthouse CPU benchmark index per run: ${runs.map((lhr) => lhr.environment.benchmarkIndex).join(', ')}`);
  const [load] = os.loadavg();
  if (load > os.cpus().length) ctx.note(`WARNING: the machine is busy (load average ${load.toFixed(1)} on ${os.cpus().length} CPUs); simulated timings and the performance score come out pessimistic.`);
  ctx.details.failingAudits = describeMisses(ctx, runs, medianRun, medianScores);
  if (medianScores.performance < TARGETS.performance) {
    ctx.details.performanceDiagnostics = describeDiagnostics(ctx, runs[medianRun], medianRun + 1);
  }
  ctx.details.perRun = runs.map((lhr) => ({
    scores: Object.fromEntries(Object.keys(TARGETS).map((id) => [id, score(lhr, id)])),
    metrics: Object.fromEntries(METRICS.map(([id, label]) => [label, lhr.audits[id].numericValue])),
    benchmarkIndex: lhr.environment.benchmarkIndex,
  }));
  ctx.note(`full reports: ${runs.map((_, i) => `bench/results/lighthouse-run-${i + 1}.json`).join(', ')}`);
  return rows;
}
