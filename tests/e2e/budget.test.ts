import { describe, expect, inject, test } from 'vitest';
import { pageWeight } from '../../scripts/page-weight';
import { SECTION_SLUGS } from '../fixtures/contract';
import { layoutShift, useBrowser } from './browser';

const KB = 1024;
const distDir = inject('distDir');
const siteUrl = inject('siteUrl');
const sectionPages = ['zh', 'en'].flatMap((lang) => ['', ...SECTION_SLUGS].map((slug) => `${lang}/${slug ? `${slug}/` : ''}index.html`));
const browser = useBrowser();

describe('performance budget (gzipped bytes on first view)', () => {
  test.each(sectionPages)('%s: JS ≤ 4 KB, CSS ≤ 10 KB (KaTeX’s apart), everything ≤ 20 KB', (page) => {
    const weight = pageWeight(distDir, '/', page);
    expect(weight.js).toBeLessThanOrEqual(4 * KB);
    expect(weight.css).toBeLessThanOrEqual(10 * KB);
    expect(weight.total - weight.katexCss).toBeLessThanOrEqual(20 * KB);
  });

  test('KaTeX’s stylesheet loads only on pages with math', () => {
    for (const page of sectionPages) {
      expect(pageWeight(distDir, '/', page).katexCss > 0, page).toBe(page.includes('/performance/'));
    }
  });

  test('nothing shifts the layout while a page loads', async () => {
    const cases = ['en/', 'zh/mechanisms/value-proposition/', 'en/performance/', 'zh/case-overview/'].flatMap((path) =>
      [1280, 360].map((width) => ({ path, width })),
    );
    // Each load waits for the network to go quiet and then watches for shifts: the pages wait side by side.
    const shifts = await Promise.all(
      cases.map(async ({ path, width }) => {
        const page = await browser().newPage({ viewport: { width, height: 800 } });
        await page.goto(new URL(path, siteUrl).href, { waitUntil: 'networkidle' });
        const { total, moved } = await layoutShift(page, 300);
        await page.close();
        return { at: `${path} at ${width}px`, shift: total, moved };
      }),
    );
    expect(shifts.filter(({ shift }) => shift >= 0.01)).toEqual([]);
    expect(shifts).toHaveLength(8);
  });
});
