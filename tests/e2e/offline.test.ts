import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { ALL_SLUGS } from '../fixtures/contract';
import { useBrowser } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;
const browser = useBrowser();
const QUERIES = { zh: '价值共创', en: 'value co-creation' } as const;

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

describe('offline reading, by the reader’s choice', () => {
  test('nothing is registered or cached before the reader chooses; removing the saved copy works', async () => {
    const context: BrowserContext = await browser().newContext();
    const page = await context.newPage();
    for (const path of ['', 'zh/', 'en/mechanisms/value-delivery/', 'zh/search/?q=小米', 'en/downloads/'])
      await page.goto(url(path), { waitUntil: 'networkidle' });
    expect(await stored(page)).toEqual({ registrations: 0, caches: [] });
    expect(await page.locator('offline-control [data-action="save"]').isVisible()).toBe(true);
    expect(await page.locator('offline-control .offline-size').textContent()).toMatch(/\d+(\.\d)? MB \(\d+ files\)/);

    await saveForOffline(page, 'en');
    expect((await stored(page)).registrations).toBe(1);
    await page.locator('offline-control [data-action="remove"]').click();
    await page.locator('offline-control[data-state="none"]').waitFor();
    expect(await stored(page)).toEqual({ registrations: 0, caches: [] });
    await context.setOffline(true);
    await expect(page.goto(url('en/introduction/'))).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await context.close();
  });

  test('after "save for offline", every contract page in both languages, the downloads page and search work with the network off', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await saveForOffline(page, 'zh');
    expect(await page.locator('offline-control .offline-status').textContent()).toContain('已保存');
    await context.setOffline(true);
    const failed: string[] = [];
    for (const lang of ['zh', 'en'] as const) {
      for (const slug of ALL_SLUGS) {
        const path = `${lang}/${slug ? `${slug}/` : ''}`;
        const response = await page.goto(url(path));
        if (!response?.ok() || !(await page.locator('h1').first().isVisible())) failed.push(path);
      }
      expect(await searchResults(page, lang), `search on the ${lang} site`).toBeGreaterThan(0);
    }
    expect(failed).toEqual([]);
    await context.close();
  }, 90_000);

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
