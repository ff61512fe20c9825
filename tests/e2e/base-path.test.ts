import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { COURSE_SITE, jobResult } from './background';
import { recordForeignRequests, useBrowser } from './browser';
import { brokenLinks } from './link-checker';
import { serveStatic } from '../../scripts/static-server';

const BASE = COURSE_SITE.BASE_PATH;
const dist = inject('backgroundDists').basePath;
const browser = useBrowser();
let server: Server;
let siteUrl: string;

beforeAll(async () => {
  // Built in the background by the global setup, in a copy of the project.
  const build = await jobResult('basePath');
  if (build.status !== 0) throw new Error(`The build under ${BASE} failed:\n${build.stdout}\n${build.stderr}`);
  ({ server, url: siteUrl } = await serveStatic(dist, BASE));
}, 300_000);

afterAll(() => {
  server?.close();
});

describe(`the site built under ${BASE}`, () => {
  test('built without Chromium (as this build is), it says so in one line, and the downloads pages promise and list no PDF', async () => {
    const { stdout, stderr } = await jobResult('basePath');
    expect(`${stdout}\n${stderr}`.split('\n').filter((line) => /PDF/.test(line))).toEqual([
      expect.stringMatching(/no Chromium at .*: the PDFs are left out/) as unknown,
    ]);
    for (const lang of ['zh', 'en']) {
      const html = readFileSync(`${dist}${lang}/downloads/index.html`, 'utf8');
      expect(html, lang).not.toMatch(/\.pdf"/);
      const intro = /<h1[^>]*>[^<]*<\/h1><p[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? '';
      expect(intro, lang).toMatch(lang === 'zh' ? /未生成 PDF。$/ : /built without the PDFs\.$/);
      expect(intro.match(/PDF/g), lang).toHaveLength(1);
    }
  });

  test('a link checker over the whole build finds nothing broken', async () => {
    expect(await brokenLinks(dist, BASE)).toEqual([]);
  });

  test('pages load their styles and scripts from under the prefix and nothing from elsewhere', async () => {
    const page = await browser().newPage();
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
    const page = await browser().newPage();
    await page.goto(new URL('en/mechanisms/value-delivery/', siteUrl).href);
    const href = (selector: string) => page.locator(selector).getAttribute('href');
    expect(await href('link[rel="canonical"]')).toBe(`${COURSE_SITE.SITE_URL}${BASE}en/mechanisms/value-delivery/`);
    expect(await href('link[rel="alternate"][hreflang="zh-CN"]')).toBe(`${COURSE_SITE.SITE_URL}${BASE}zh/mechanisms/value-delivery/`);
    expect(await href('link[rel="alternate"][hreflang="x-default"]')).toBe(`${COURSE_SITE.SITE_URL}${BASE}`);
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(
      `${COURSE_SITE.SITE_URL}${BASE}en/mechanisms/value-delivery/`,
    );
    await page.close();
  });

  test('the language switcher and the search work under the prefix', async () => {
    const page = await browser().newPage();
    await page.goto(new URL('zh/conclusions/#s4-p2', siteUrl).href);
    await page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${siteUrl}en/conclusions/#s4-p2`);
    await page.goto(new URL('en/search/?q=asset-light', siteUrl).href);
    const first = page.locator('main .search-result-link').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toMatch(new RegExp(`^${BASE}en/`));
    await page.close();
  });

  test('copy-link, the quote offer and the assigned passage work under the prefix and copy canonical URLs', async () => {
    const context = await browser().newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const canonical = `${COURSE_SITE.SITE_URL}${BASE}en/mechanisms/value-proposition/`;
    await page.goto(new URL('en/mechanisms/value-proposition/?p=s3-2-1-p2..s3-2-1-p3#s3-2-1-p2', siteUrl).href);
    await page.locator('.passage-message:not(:empty)').waitFor();
    expect(await page.locator('.assigned').evaluateAll((elements) => elements.map((element) => element.id))).toEqual([
      's3-2-1-p2',
      's3-2-1-p3',
    ]);
    const paragraph = page.locator('#s3-2-1-p3');
    await paragraph.hover();
    await paragraph.getByRole('button', { name: 'Copy link to this paragraph' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${canonical}#s3-2-1-p3`);
    await page.evaluate(() => {
      const text = document.querySelector('#s3-2-1-p3-s1 ~ .sentence')!.firstChild!;
      getSelection()!.setBaseAndExtent(text, 0, text, 8);
    });
    await page.getByRole('button', { name: 'Copy link to passage' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^${canonical}#s3-2-1-p3:~:text=[^&]+$`));
    await context.close();
  });

  test('the course cartridge links every section under SITE_URL and the prefix', () => {
    const files = unzipSync(readFileSync(`${dist}downloads/course.en.imscc`));
    const urls = Object.keys(files)
      .filter((name) => name.startsWith('weblinks/'))
      .map((name) => /<url href="([^"]+)"/.exec(strFromU8(files[name]!))?.[1]);
    // Each page and its parallel view, and each subsection on a page (3.1 on the page of 3).
    const { sections } = JSON.parse(readFileSync(`${dist}sections.json`, 'utf8')) as { sections: { paths: Record<string, string> }[] };
    const pages = new Set(sections.map((section) => section.paths['en'])).size;
    expect(urls).toHaveLength(2 * pages + (sections.length - pages));
    for (const link of urls)
      expect(link).toMatch(new RegExp(`^${COURSE_SITE.SITE_URL.replaceAll('.', '\\.')}${BASE}en/[a-z/-]+/(#s[\\d-]+)?$`));
  });

  test('a mistyped path lands on the 404 page, which points to the right page', async () => {
    const page = await browser().newPage();
    const response = await page.goto(new URL('en/value-delivery/', siteUrl).href);
    expect(response?.status()).toBe(404);
    const suggestion = page.locator('#suggestion a');
    await expect(suggestion.getAttribute('href')).resolves.toBe(`${BASE}en/mechanisms/value-delivery/`);
    await page.goto(new URL('en/mechanisms/value-delivery', siteUrl).href);
    await page.waitForURL(`${siteUrl}en/mechanisms/value-delivery/`);
    await page.close();
  });

  test('saving for offline registers the service worker under the prefix, with the prefix as its scope', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(new URL('zh/downloads/', siteUrl).href);
    await page.locator('offline-control [data-action="save"]').click();
    await page.locator('offline-control[data-state="saved"]').waitFor({ timeout: 30_000 });
    const registration = await page.evaluate(async () => {
      const found = await navigator.serviceWorker.getRegistration();
      return { scope: found?.scope, script: found?.active?.scriptURL };
    });
    expect(registration).toEqual({ scope: siteUrl, script: `${siteUrl}sw.js` });
    await context.setOffline(true);
    await page.goto(new URL('en/mechanisms/value-delivery/', siteUrl).href);
    expect(await page.locator('h1').textContent()).toContain('3.2.3');
    await context.close();
  });
});
