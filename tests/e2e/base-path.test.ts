import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../scripts/chromium';
import { buildEnv, recordForeignRequests } from './browser';
import { brokenLinks } from './link-checker';
import { serveStatic } from '../../scripts/static-server';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BASE = '/courses/bm101/xiaomi/';
const dist = `${root}dist-base/`;
let browser: Browser;
let server: Server;
let siteUrl: string;

beforeAll(async () => {
  execFileSync('npm', ['run', 'build', '--silent', '--', '--outDir', 'dist-base'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...buildEnv(), BASE_PATH: BASE, SITE_URL: 'https://courses.example.edu' },
  });
  ({ server, url: siteUrl } = await serveStatic(dist, BASE));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe(`the site built under ${BASE}`, () => {
  test('a link checker over the whole build finds nothing broken', async () => {
    expect(await brokenLinks(dist, BASE)).toEqual([]);
  });

  test('pages load their styles and scripts from under the prefix and nothing from elsewhere', async () => {
    const page = await browser.newPage();
    const foreign = recordForeignRequests(page, siteUrl);
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(response.url());
    });
    for (const path of ['', 'zh/', 'en/mechanisms/value-delivery/', 'zh/references/', 'en/glossary/', 'zh/performance/parallel/']) {
      await page.goto(new URL(path, siteUrl).href, { waitUntil: 'networkidle' });
    }
    expect(failed).toEqual([]);
    expect(foreign).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.body).marginTop)).toBe('0px');
    await page.close();
  });

  test('canonical, alternates and Open Graph carry SITE_URL and the prefix', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('en/mechanisms/value-delivery/', siteUrl).href);
    const href = (selector: string) => page.locator(selector).getAttribute('href');
    expect(await href('link[rel="canonical"]')).toBe(`https://courses.example.edu${BASE}en/mechanisms/value-delivery/`);
    expect(await href('link[rel="alternate"][hreflang="zh-CN"]')).toBe(`https://courses.example.edu${BASE}zh/mechanisms/value-delivery/`);
    expect(await href('link[rel="alternate"][hreflang="x-default"]')).toBe(`https://courses.example.edu${BASE}`);
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(
      `https://courses.example.edu${BASE}en/mechanisms/value-delivery/`,
    );
    await page.close();
  });

  test('the language switcher and the search work under the prefix', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('zh/conclusions/#s4-p2', siteUrl).href);
    await page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${siteUrl}en/conclusions/#s4-p2`);
    await page.goto(new URL('en/search/?q=asset-light', siteUrl).href);
    const first = page.locator('main .search-result-link').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toMatch(new RegExp(`^${BASE}en/`));
    await page.close();
  });

  test('a mistyped path lands on the 404 page, which points to the right page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(new URL('en/value-delivery/', siteUrl).href);
    expect(response?.status()).toBe(404);
    const suggestion = page.locator('#suggestion a');
    await expect(suggestion.getAttribute('href')).resolves.toBe(`${BASE}en/mechanisms/value-delivery/`);
    await page.goto(new URL('en/mechanisms/value-delivery', siteUrl).href);
    await page.waitForURL(`${siteUrl}en/mechanisms/value-delivery/`);
    await page.close();
  });
});
