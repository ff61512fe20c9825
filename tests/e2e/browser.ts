import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../src/lib/downloads/chromium';

/**
 * Records every request a page makes that does not go to the site's own origin.
 * @returns the list, filled as the page loads
 */
export function recordForeignRequests(page: Page, siteUrl: string): string[] {
  const origin = new URL(siteUrl).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return foreign;
}

/** Variables Vitest sets in process.env that Vite inside a child Astro build would take as its own. */
const VITEST_VARIABLES = new Set(['NODE_ENV', 'MODE', 'BASE_URL', 'DEV', 'PROD', 'SSR']);

/**
 * The environment for a child `npm run build`, without the test runner's variables: Vitest's
 * BASE_URL=/ would otherwise override the base path of the build.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of Object.keys(env)) if (VITEST_VARIABLES.has(name) || name.startsWith('VITEST')) delete env[name];
  return env;
}

/** This worker's Chromium, launched by the first of its test files that uses one and kept for the next (vitest.config.ts: isolate: false). */
let workerBrowser: Promise<Browser> | undefined;

/**
 * This worker's Chromium for a test file: launched in the worker itself, so that Playwright talks
 * to it directly rather than through a server in another process, and kept for the worker's next
 * file; after a file's tests, the contexts it opened are closed. A browser of its own per worker:
 * two workers on one browser would share its clipboard. It ends with the worker, whose pipe to it
 * closes; its profile is in the workers' temporary folder, which the global setup removes.
 * @returns a getter for the browser
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    workerBrowser ??= launchBrowser();
    browser = await workerBrowser;
  });
  afterAll(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });
  return () => {
    if (!browser) throw new Error('The browser is not running yet: call it inside a test');
    return browser;
  };
}

/**
 * The layout shifts of a page since it started loading, summed after watching `settleMs` more,
 * with what moved (so a failure says why).
 * @returns the cumulative layout shift and, for each shift, its value and the elements it moved
 */
export async function layoutShift(page: Page, settleMs: number): Promise<{ total: number; moved: string[] }> {
  return page.evaluate(
    (wait) =>
      new Promise<{ total: number; moved: string[] }>((resolve) => {
        let total = 0;
        const moved: string[] = [];
        const name = (node: Node | null) =>
          node instanceof Element
            ? `${node.localName}${node.id ? `#${node.id}` : ''}${[...node.classList].map((c) => `.${c}`).join('')}`
            : String(node?.nodeName);
        type Shift = PerformanceEntry & { value: number; sources: { node: Node | null }[] };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Shift[]) {
            total += entry.value;
            moved.push(
              `${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${entry.sources.map((source) => name(source.node)).join(', ')}`,
            );
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve({ total, moved }), wait);
      }),
    settleMs,
  );
}

/**
 * Whether the page as it stands scrolls sideways: wider than the window, which on a phone means
 * every line needs a swipe. Wide formulas and tables scroll inside their own boxes instead.
 * @returns the page, its width and the element that reaches furthest, or nothing if it fits
 */
export function sidewaysScroll(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return undefined;
    // The last (innermost) element past the edge that does not scroll inside a box of its own.
    const inScroller = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement)
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      return false;
    };
    const past = [...document.body.querySelectorAll('*')].filter(
      (element) => element.getBoundingClientRect().right > root.clientWidth + 1 && !inScroller(element),
    );
    const culprit = past.at(-1);
    const name = culprit ? `${culprit.localName}${culprit.classList.length ? `.${[...culprit.classList].join('.')}` : ''}` : '';
    return `${location.pathname} is ${root.scrollWidth} px wide at ${root.clientWidth} px (${name})`;
  });
}

/**
 * The tables on the page that scroll inside their box: a table narrower than its box is laid out
 * as cards instead (KeyFigures.astro), so one that scrolls has been given a layout too wide for it.
 * @returns one line per such table, naming the page and how wide it is in how much room
 */
export function scrollingTables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.table-scroll')]
      .filter((box) => box.scrollWidth > box.clientWidth + 1)
      .map(
        (box) =>
          `${location.pathname}: a table ${box.scrollWidth} px wide in ${box.clientWidth} px (${box.closest('[lang]')?.getAttribute('lang') ?? ''})`,
      ),
  );
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
type AxeRun = (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;

/**
 * Gives every page of a context axe, as an init script: the browser runs it outside the page's
 * CSP, so the policy stays in force and anything it refuses is still reported.
 */
export async function addAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

/** One axe run: a theme, and axe's options for it. */
export interface AxeTheme {
  colorScheme: 'light' | 'dark';
  options: object;
}

/** Every rule in the light theme; in the dark one only the rules that look at colour, which is all the theme changes. */
export const AXE_THEMES: readonly AxeTheme[] = [
  { colorScheme: 'light', options: { resultTypes: ['violations'] } },
  {
    colorScheme: 'dark',
    options: { resultTypes: ['violations'], runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] } },
  },
];

/**
 * axe's violations on a page as it stands (its context has axe: addAxe), one line each naming the
 * theme, the page and the elements. Leaves the page in the light theme.
 */
export async function axeViolations(page: Page, themes: readonly AxeTheme[] = AXE_THEMES): Promise<string[]> {
  const found: string[] = [];
  for (const { colorScheme, options } of themes) {
    await page.emulateMedia({ colorScheme });
    const result = await page.evaluate(
      (axeOptions) => (window as unknown as { axe: { run: AxeRun } }).axe.run(document, axeOptions),
      options,
    );
    for (const violation of result.violations)
      found.push(`${colorScheme} ${page.url()}: ${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
