import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { ALL_SLUGS } from '../fixtures/contract';
import { useBrowser } from './browser';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const url = (path: string) => new URL(path, siteUrl).href;
const browser = useBrowser();

describe('Content-Security-Policy', () => {
  test('every page declares a strict policy: no unsafe-inline or eval for scripts', () => {
    for (const lang of ['zh', 'en']) {
      for (const slug of ALL_SLUGS) {
        const html = readFileSync(join(distDir, lang, slug, 'index.html'), 'utf8');
        const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
        const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1] ?? '';
        expect(policy, `${lang}/${slug}`).toContain("default-src 'self'");
        expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
        expect(html).not.toMatch(/\son[a-z]+="/); // no inline event handlers
      }
    }
  });

  test('_headers sends the same policy as each page’s meta, with the usual security headers, and lets browsers keep the hashed assets', () => {
    const headers = readFileSync(join(distDir, '_headers'), 'utf8');
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    expect(headers).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    const html = readFileSync(join(distDir, 'en/performance/index.html'), 'utf8');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");
    expect(headers).toContain(`/en/performance/\n  Content-Security-Policy: ${policy}`);
  });

  // That no page has anything refused as it loads is checked in the quality gates' walk over every
  // page; here, what runs only when the reader acts.
  test('under the policy nothing is refused: math, previews, theme and search all work', async () => {
    const page = await browser().newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(`${page.url()}: ${message.text()}`);
    });
    await page.goto(url('en/performance/'));
    expect(
      await page
        .locator('.katex-display .katex-html')
        .first()
        .evaluate((element) => getComputedStyle(element).display),
    ).not.toBe('inline');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.locator('a.cite').first().focus();
    await page.goto(url('zh/search/?q=生态链'));
    await page.locator('main .search-result').first().waitFor();
    expect(refused).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('keyboard', () => {
  test('a keyboard walk: skip link, header, search, language switcher, a citation preview', async () => {
    const page = await browser().newPage();
    await page.goto(url('en/literature-review/'));
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    const stops: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused());
    }
    // (The "Contents" link is only for narrow screens, where the contents follow the text.)
    expect(stops).toEqual([
      'Value Co-Creation and XiaomiA bilingual reading edition',
      '⌕Search',
      '中文',
      'AaReading settings',
      '◐Dark theme',
    ]);
    // Search opens from the keyboard and takes the focus; Escape closes it.
    await page.keyboard.press('/');
    await page.locator('dialog input[type="search"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input-dialog');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    // Tab on to the first citation: its preview shows.
    const citation = page.locator('a.cite').first();
    for (let i = 0; i < 40 && !(await citation.evaluate((element) => element === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await citation.evaluate((element) => element === document.activeElement)).toBe(true);
    await expect(page.locator('#preview-ref-1').isVisible()).resolves.toBe(true);
    // The language switcher is reached and followed by keyboard alone.
    await page.goto(url('en/literature-review/#s2-2-p1'));
    await page.getByRole('link', { name: '中文', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zh\/literature-review\/#s2-2-p1$/);
    await page.close();
  });

  test('a focused link of the scrolling contents beside the text shows its whole focus ring', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url('en/literature-review/'));
    // The ring (:focus-visible: 3px outline, 2px off) of each link, against the box that scrolls and clips it.
    const clipped = await page.locator('.page > .site-contents').evaluate((contents) => {
      const box = contents.getBoundingClientRect();
      const left = box.left + contents.clientLeft;
      const right = left + contents.clientWidth;
      return [...contents.querySelectorAll('a')].flatMap((link) => {
        const ring = link.getBoundingClientRect();
        return ring.left - 5 < left || ring.right + 5 > right ? [link.textContent?.trim() ?? ''] : [];
      });
    });
    expect(clipped).toEqual([]);
    await page.close();
  });
});
