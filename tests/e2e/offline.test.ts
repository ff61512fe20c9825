import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { serveStatic } from '../../scripts/static-server';
import { ALL_SLUGS } from '../fixtures/contract';
import { sidewaysScroll, useBrowser } from './browser';

const browser = useBrowser();
const QUERIES = { zh: '价值共创', en: 'value co-creation' } as const;

/**
 * The offline tests serve their own copy of the suite's build: the update test deploys a changed
 * page into it, which the other test files must not see.
 */
let deployed: string;
let server: Server;
let siteUrl: string;
const url = (path: string) => new URL(path, siteUrl).href;

beforeAll(async () => {
  deployed = mkdtempSync(join(tmpdir(), 'offline-site-'));
  cpSync(inject('distDir'), deployed, { recursive: true });
  ({ server, url: siteUrl } = await serveStatic(deployed, '/'));
});

afterAll(() => {
  server.close();
  rmSync(deployed, { recursive: true, force: true });
});

/** What the browser holds for the site: service worker registrations and caches. */
function stored(page: Page): Promise<{ registrations: number; caches: string[] }> {
  return page.evaluate(async () => ({
    registrations: (await navigator.serviceWorker.getRegistrations()).length,
    caches: await caches.keys(),
  }));
}

/** Presses "save for offline reading" on a downloads page and waits until the page says it is done. */
async function saveForOffline(page: Page, lang: 'zh' | 'en'): Promise<void> {
  await page.goto(url(`${lang}/downloads/`));
  await page.locator('offline-control [data-action="save"]').click();
  await page.locator('offline-control[data-state="saved"]').waitFor({ timeout: 30_000 });
}

async function searchResults(page: Page, lang: 'zh' | 'en'): Promise<number> {
  await page.goto(url(`${lang}/search/?q=${encodeURIComponent(QUERIES[lang])}`));
  await page.locator('main .search-result-link').first().waitFor({ timeout: 10_000 });
  return page.locator('main .search-result').count();
}

/**
 * A new build of one page, deployed: its text changes, and so does its revision in the service
 * worker's list, as a real build's would (Workbox hashes each file).
 */
function deployChangedPage(path: string, marker: string): void {
  const page = join(deployed, path);
  writeFileSync(page, readFileSync(page, 'utf8').replace('</h1>', ` ${marker}</h1>`));
  const worker = join(deployed, 'sw.js');
  const before = readFileSync(worker, 'utf8');
  const after = before.replace(new RegExp(`("url":"${path}","revision":")[0-9a-f]+`), '$1a-new-build');
  expect(after, `sw.js lists ${path} with a revision`).not.toBe(before);
  writeFileSync(worker, after);
}

describe('offline reading, by the reader’s choice', () => {
  test('nothing is registered or cached before the reader chooses', async () => {
    const context: BrowserContext = await browser().newContext();
    const page = await context.newPage();
    for (const path of ['', 'zh/', 'en/mechanisms/value-delivery/', 'zh/search/?q=小米', 'en/downloads/'])
      await page.goto(url(path), { waitUntil: 'networkidle' });
    expect(await stored(page)).toEqual({ registrations: 0, caches: [] });
    expect(await page.locator('offline-control [data-action="save"]').isVisible()).toBe(true);
    expect(await page.locator('offline-control .offline-size').textContent()).toMatch(/\d+(\.\d)? MB \(\d+ files\)/);
    await context.close();
  });

  // One reader's visits, in order: saving the site once serves the three tests.
  describe('once saved', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser().newContext();
      page = await context.newPage();
      await saveForOffline(page, 'zh');
    }, 60_000);
    afterAll(() => context.close());

    test('every contract page in both languages, the downloads page and search work with the network off, whole on a phone with the largest text', async () => {
      expect(await page.locator('offline-control .offline-status').textContent()).toContain('已保存');
      expect(await page.locator('offline-control .offline-size').isVisible(), 'what saving would download, once saved').toBe(false);
      await context.setOffline(true);
      // The reader this is for: on a phone, here with the largest text, where a page wider than
      // the screen would show first (the quality gates look at every page at desktop width).
      await page.setViewportSize({ width: 360, height: 780 });
      await page.evaluate(() => localStorage.setItem('reader-settings', JSON.stringify({ textSize: 'xxl' })));
      const failed: string[] = [];
      for (const lang of ['zh', 'en'] as const) {
        for (const slug of ALL_SLUGS) {
          const path = `${lang}/${slug ? `${slug}/` : ''}`;
          const response = await page.goto(url(path));
          if (!response?.ok() || !(await page.locator('h1').first().isVisible())) failed.push(path);
          const sideways = await sidewaysScroll(page);
          if (sideways) failed.push(sideways);
        }
        expect(await searchResults(page, lang), `search on the ${lang} site`).toBeGreaterThan(0);
      }
      // The contract's files for machines are in the saved copy too.
      for (const path of ['paragraphs.json', 'sections.json', 'sitemap.xml']) {
        const response = await page.goto(url(path));
        if (!response?.ok()) failed.push(path);
      }
      // A mistyped address gets the site's page-not-found page, in its language first, pointing to
      // the page meant, not the browser's offline error.
      await page.goto(url('en/mechanisms/value-delivry/'));
      const suggested = await page
        .locator('#suggestion a')
        .getAttribute('href', { timeout: 5000 })
        .catch(() => null);
      if (suggested !== '/en/mechanisms/value-delivery/' || (await page.getAttribute('html', 'lang')) !== 'en')
        failed.push('en/mechanisms/value-delivry/ (404)');
      await page.evaluate(() => localStorage.removeItem('reader-settings'));
      await context.setOffline(false);
      expect(failed).toEqual([]);
      // Online again, a download (not in the saved copy) still comes from the site, not as the page-not-found page.
      const download = page.waitForEvent('download', { timeout: 10_000 });
      await page.goto(url('downloads/course.en.imscc')).catch(() => undefined); // a download aborts the navigation
      expect((await download).suggestedFilename()).toBe('course.en.imscc');
    }, 90_000);

    test('a new build, once deployed, reaches the saved copy at the next visit', async () => {
      const marker = 'SECOND-BUILD';
      deployChangedPage('en/introduction/index.html', marker);
      // The next visit: the browser checks sw.js (never from its HTTP cache), installs the new
      // worker, which fetches what changed, and the worker takes over at once.
      await page.goto(url('en/'));
      await expect
        .poll(
          () =>
            page.evaluate(async () => {
              const registration = await navigator.serviceWorker.getRegistration();
              return (
                Boolean(registration?.active && !registration.installing && !registration.waiting) &&
                (await (await fetch('introduction/')).text()).includes('SECOND-BUILD')
              );
            }),
          { timeout: 20_000 },
        )
        .toBe(true);
      await context.setOffline(true);
      await page.goto(url('en/introduction/'));
      expect(await page.locator('h1').first().textContent()).toContain(marker);
      await context.setOffline(false);
    }, 60_000);

    test('removing the saved copy leaves nothing behind', async () => {
      await page.goto(url('en/downloads/'));
      await page.locator('offline-control[data-state="saved"]').waitFor();
      await page.locator('offline-control [data-action="remove"]').click();
      await page.locator('offline-control[data-state="none"]').waitFor();
      expect(await stored(page)).toEqual({ registrations: 0, caches: [] });
      await context.setOffline(true);
      await expect(page.goto(url('en/introduction/'))).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    });
  });
  test('the web app manifest names the site in both languages, and every page links to it', async () => {
    const manifest = (await (await fetch(url('manifest.webmanifest'))).json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: '价值共创与小米 · Value Co-Creation and Xiaomi',
      lang: 'zh-CN',
      name_localized: { 'zh-CN': { value: '价值共创与小米', lang: 'zh-CN' }, en: { value: 'Value Co-Creation and Xiaomi', lang: 'en' } },
      start_url: './',
      scope: './',
      display: 'standalone',
    });
    for (const path of ['', 'zh/', 'en/downloads/']) {
      expect(await (await fetch(url(path))).text()).toContain(
        `<link rel="manifest" href="${new URL(siteUrl).pathname}manifest.webmanifest">`,
      );
    }
  });
});
