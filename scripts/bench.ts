// npm run bench: build times, page weights, the bytes of a first search, Lighthouse scores and a
// scale run, as a table on stdout and as JSON and Markdown in bench-results/.
// Runs on Node 22 from the project (npm puts it first on the PATH), which runs TypeScript by stripping its types.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, CHROMIUM_FLAGS, launchBrowser } from '../src/lib/downloads/chromium.ts';
import { pageWeight, type PageWeight } from './page-weight.ts';
import { serveStatic } from './static-server.ts';

/** One `npm run build`: its wall time and its peak memory. */
interface BuildRun {
  seconds: number;
  peakMiB: number;
}

/** A build of the site with `sections` bilingual sections: what it cost and what it made. */
interface ScaleRun extends BuildRun {
  sections: number;
  /** Bytes of the search index (dist/pagefind). */
  indexBytes: number;
  /** HTML pages built. */
  pages: number;
  /** Why the build failed, when it did: the run is reported, not the whole bench lost. */
  failed?: string;
}

/**
 * The first search query of a language, through the search UI on a page that has loaded: everything
 * fetched from the `/` key press on (search code, Pagefind, its index chunks and fragments).
 */
interface SearchCost {
  query: string;
  requests: number;
  bytes: number;
  /** On the wire from a host that gzips text: each body gzipped, or as it is when that is smaller (Pagefind's own files are gzipped already). */
  wireBytes: number;
  /** From the `/` key press, with the query typed at once, to the first result shown. */
  firstResultMs: number;
}

/** Lighthouse's category scores (0–100) and core metrics for one page. */
interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/** bench-results/bench.json, from which bench-results/bench.md is written. */
interface BenchReport {
  machine: { cpus: number; node: string; date: string };
  build: { coldMedianSeconds: number; warmMedianSeconds: number; cold: number[]; warm: number[] };
  /** Every page's first view, by its file in dist/. */
  weights: Record<string, PageWeight>;
  /** The heaviest section page's gzipped JS, CSS and first view without KaTeX's CSS. */
  maxSectionPage: { js: number; css: number; totalWithoutKatex: number };
  search: Record<string, SearchCost>;
  /** By path, e.g. "en/references/". */
  lighthouse: Record<string, LighthouseScores>;
  scale: { runs: ScaleRun[]; perAddedSection: { seconds: number; peakMiB: number; indexBytes: number } };
}

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'bench-results');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const SCALE = (process.env['BENCH_SCALE'] ?? '100,500').split(',').map(Number);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '', SITE_URL: 'http://127.0.0.1:4399' };
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Runs `npm run build` in `cwd` and returns its wall time and peak memory (GNU time's maximum RSS). */
function timedBuild(cwd: string): BuildRun {
  const start = performance.now();
  // A 500-section build prints megabytes of warnings: give the pipes room.
  const result = spawnSync('/usr/bin/time', ['-f', '%M', 'npm', 'run', 'build', '--silent'], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`build failed in ${cwd}:\n${result.stdout.slice(-1500)}\n${result.stderr.slice(-1500)}`);
  const peakKiB = Number(result.stderr.trim().split('\n').at(-1));
  return { seconds, peakMiB: Math.round(peakKiB / 1024) };
}

const sizeOf = (dir: string): number =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .reduce((sum, file) => {
      const path = join(dir, file);
      return statSync(path).isFile() ? sum + statSync(path).size : sum;
    }, 0);

// 1. Cold and warm builds.
log(`cold builds ×${RUNS}`);
const cold: number[] = [];
for (let i = 0; i < RUNS; i++) {
  rmSync(join(root, '.astro'), { recursive: true, force: true });
  rmSync(join(root, 'node_modules/.vite'), { recursive: true, force: true });
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  cold.push(timedBuild(root).seconds);
}
log(`warm builds ×${RUNS}`);
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) warm.push(timedBuild(root).seconds);

// 2. Page weights, every page.
const dist = join(root, 'dist');
const pages = readdirSync(dist, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
  .sort();
const weights: Record<string, PageWeight> = Object.fromEntries(pages.map((page) => [page, pageWeight(dist, '/', page)]));

// Serve the build for the browser measurements, on the origin the build was told (SITE_URL).
const { server } = await serveStatic(`${dist}/`, '/', 4399);
const site = 'http://127.0.0.1:4399/';

try {
  // 3. What the first search query fetches, per language, as a reader makes it: on a page that has
  // loaded, `/` opens the search, the query is typed, and the first result appears.
  const browser = await launchBrowser();
  const search: Record<string, SearchCost> = {};
  for (const [lang, query] of [
    ['zh', '价值共创'],
    ['en', 'value co-creation'],
  ] as const) {
    const page = await browser.newPage();
    await page.goto(`${site}${lang}/`, { waitUntil: 'networkidle' });
    const fetched: Buffer[] = [];
    page.on('response', async (response) => {
      fetched.push(await response.body().catch(() => Buffer.alloc(0)));
    });
    const start = performance.now();
    await page.keyboard.press('/');
    await page.locator('dialog input[type="search"]').fill(query);
    await page.locator('dialog .search-result').first().waitFor();
    const firstResultMs = Math.round(performance.now() - start);
    await page.waitForLoadState('networkidle');
    search[lang] = {
      query,
      requests: fetched.length,
      bytes: fetched.reduce((sum, body) => sum + body.length, 0),
      wireBytes: fetched.reduce((sum, body) => sum + Math.min(body.length, gzipSync(body).length), 0),
      firstResultMs,
    };
    await page.close();
  }
  await browser.close();

  // 4. Lighthouse on representative pages, both languages.
  log('lighthouse');
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const lighthouseResults: Record<string, LighthouseScores> = {};
  for (const path of ['zh/', 'en/', 'zh/mechanisms/value-delivery/', 'en/mechanisms/value-delivery/', 'zh/references/', 'en/references/']) {
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
    const result = await lighthouse(`${site}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
    chrome.kill();
    if (!result) throw new Error(`Lighthouse returned no result for ${path}`);
    const { categories, audits } = result.lhr;
    // A category Lighthouse could not score (score null) counts as 0; a missing category or metric is an error.
    const score = (id: string) => {
      const category = categories[id];
      if (!category) throw new Error(`Lighthouse has no ${id} category for ${path}`);
      return Math.round((category.score ?? 0) * 100);
    };
    const metric = (id: string) => {
      const value = audits[id]?.numericValue;
      if (value === undefined) throw new Error(`Lighthouse gave no ${id} value for ${path}`);
      return value;
    };
    lighthouseResults[path] = {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: Math.round(metric('largest-contentful-paint')),
      tbtMs: Math.round(metric('total-blocking-time')),
      cls: Number(metric('cumulative-layout-shift').toFixed(3)),
    };
  }

  // 5. Scale: the same build with generated bilingual sections added.
  const scale: ScaleRun[] = [];
  const base: ScaleRun = { sections: 10, ...timedBuild(root), indexBytes: sizeOf(join(dist, 'pagefind')), pages: pages.length };
  scale.push(base);
  for (const count of SCALE) {
    log(`scale run: ${count} generated sections`);
    const work = mkdtempSync(join(tmpdir(), 'bench-scale-'));
    for (const entry of readdirSync(root)) {
      if (!['node_modules', '.git', '.astro', 'bench-results'].includes(entry) && !entry.startsWith('dist'))
        cpSync(join(root, entry), join(work, entry), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
    generateSections(work, count);
    try {
      const run = timedBuild(work);
      const built = join(work, 'dist');
      scale.push({
        sections: 10 + count,
        ...run,
        indexBytes: sizeOf(join(built, 'pagefind')),
        pages: readdirSync(built, { recursive: true }).filter((file) => String(file).endsWith('.html')).length,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = /FATAL ERROR: (.*)/.exec(message)?.[1] ?? message.split('\n')[0] ?? 'build failed';
      scale.push({ sections: 10 + count, seconds: 0, peakMiB: 0, indexBytes: 0, pages: 0, failed });
    }
    rmSync(work, { recursive: true, force: true });
  }
  const last = scale.findLast((run) => !run.failed) ?? base;
  const perSection = {
    seconds: (last.seconds - base.seconds) / (last.sections - base.sections),
    peakMiB: (last.peakMiB - base.peakMiB) / (last.sections - base.sections),
    indexBytes: (last.indexBytes - base.indexBytes) / (last.sections - base.sections),
  };

  const sectionPages = Object.entries(weights).filter(
    ([page]) => /^(zh|en)\/(?!references|glossary|search|about)/.test(page) && !page.includes('/parallel/'),
  );
  const report: BenchReport = {
    machine: { cpus: cpus().length, node: process.version, date: new Date().toISOString().slice(0, 10) },
    build: { coldMedianSeconds: median(cold), warmMedianSeconds: median(warm), cold, warm },
    weights,
    maxSectionPage: {
      js: Math.max(...sectionPages.map(([, w]) => w.js)),
      css: Math.max(...sectionPages.map(([, w]) => w.css)),
      totalWithoutKatex: Math.max(...sectionPages.map(([, w]) => w.total - w.katexCss)),
    },
    search,
    lighthouse: lighthouseResults,
    scale: { runs: scale, perAddedSection: perSection },
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  const table = markdown(report);
  writeFileSync(join(out, 'bench.md'), table);
  process.stdout.write(table);
} finally {
  server.close();
}

/** Adds `count` generated sections in both languages, built from the paper's own paragraphs. */
function generateSections(work: string, count: number): void {
  const paragraph = {
    zh: readFileSync(join(root, 'content/zh/mechanisms/value-delivery.mdx'), 'utf8').split('---').slice(2).join('---').trim(),
    en: readFileSync(join(root, 'content/en/mechanisms/value-delivery.mdx'), 'utf8').split('---').slice(2).join('---').trim(),
  };
  for (const lang of ['zh', 'en'] as const) {
    mkdirSync(join(work, 'content', lang, 'generated'), { recursive: true });
    for (let n = 1; n <= count; n++) {
      const body = paragraph[lang].replaceAll('<Note', '{/* */}<Note');
      writeFileSync(
        join(work, 'content', lang, 'generated', `s${n}.mdx`),
        `---\nsection: "9.${n}"\ntitle: ${lang === 'zh' ? '生成的章节' : 'Generated section'} ${n}\npart: conclusions\n---\n\n${body}\n`,
      );
    }
  }
}

function markdown(report: BenchReport): string {
  const rows = (header: string[], lines: (string | number)[][]) =>
    `| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |\n${lines.map((line) => `| ${line.join(' | ')} |`).join('\n')}\n`;
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  return [
    `# Benchmark (${report.machine.date}, ${report.machine.cpus} cores, Node ${report.machine.node})\n`,
    rows(
      ['build', 'median of runs (s)'],
      [
        ['cold', report.build.coldMedianSeconds.toFixed(2)],
        ['warm', report.build.warmMedianSeconds.toFixed(2)],
      ],
    ),
    `\nLargest section page, gzipped: JS ${kb(report.maxSectionPage.js)} KB, CSS ${kb(report.maxSectionPage.css)} KB, first view ${kb(report.maxSectionPage.totalWithoutKatex)} KB (KaTeX's CSS apart).\n\n`,
    rows(
      ['page', 'HTML', 'JS', 'CSS', 'KaTeX CSS', 'images', 'total (KB gz)'],
      Object.entries(report.weights).map(([page, w]) => [page, kb(w.html), kb(w.js), kb(w.css), kb(w.katexCss), kb(w.images), kb(w.total)]),
    ),
    '\n',
    rows(
      ['first search', 'query', 'requests', 'bytes', 'on the wire', 'first result (ms)'],
      Object.entries(report.search).map(([lang, s]) => [lang, s.query, s.requests, s.bytes, s.wireBytes, s.firstResultMs]),
    ),
    '\n',
    rows(
      ['Lighthouse', 'perf', 'a11y', 'best practices', 'SEO', 'LCP ms', 'TBT ms', 'CLS'],
      Object.entries(report.lighthouse).map(([page, l]) => [
        page,
        l.performance,
        l.accessibility,
        l.bestPractices,
        l.seo,
        l.lcpMs,
        l.tbtMs,
        l.cls,
      ]),
    ),
    '\n',
    rows(
      ['scale: sections', 'pages', 'build (s)', 'peak memory (MiB)', 'search index (KB)'],
      report.scale.runs.map((r) =>
        r.failed
          ? [r.sections, '—', `failed: ${r.failed}`, '—', '—']
          : [r.sections, r.pages, r.seconds.toFixed(1), r.peakMiB, kb(r.indexBytes)],
      ),
    ),
    `\nPer added bilingual section: ${(report.scale.perAddedSection.seconds * 1000).toFixed(1)} ms of build, ${report.scale.perAddedSection.peakMiB.toFixed(2)} MiB of peak memory, ${kb(report.scale.perAddedSection.indexBytes)} KB of search index.\n`,
  ].join('');
}
