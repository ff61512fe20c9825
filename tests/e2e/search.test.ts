import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { useBrowser } from './browser';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

const url = (path: string) => new URL(path, siteUrl).href;

/**
 * Waits until the search has answered: its message no longer says it is searching (and differs from
 * `previousMessage`, the answer to an earlier search on the page), and every result shown has loaded
 * its data, so none is still a placeholder without a link.
 */
async function searchSettled(page: Page, previousMessage?: string) {
  await page.waitForFunction((previous) => {
    const message = document.querySelector('.pagefind-ui__message')?.textContent;
    if (!message || /Searching|正在搜索/.test(message) || message === previous) return false;
    if (document.querySelector('.pagefind-ui__results .pagefind-ui__loading')) return false;
    return [...document.querySelectorAll('.pagefind-ui__result')].every((result) => result.querySelector('.pagefind-ui__result-link'));
  }, previousMessage);
}

/** Runs a search on the search page and returns the result links (pages and sub-results) in order. */
async function search(page: Page, lang: 'zh' | 'en', query: string) {
  await page.goto(url(`${lang}/search/?q=${encodeURIComponent(query)}`));
  await searchSettled(page);
  return resultsOf(page);
}

/** The result links shown (pages and their sub-results), in order. */
function resultsOf(page: Page) {
  return page.$$eval('.pagefind-ui__result', (results) =>
    results.map((result) => ({
      url: result.querySelector<HTMLAnchorElement>('.pagefind-ui__result-link')?.href ?? '',
      text: result.textContent ?? '',
      subs: [...result.querySelectorAll<HTMLAnchorElement>('.pagefind-ui__result-nested .pagefind-ui__result-link')].map((a) => a.href),
    })),
  );
}

/** One search page per language, kept open: a query typed into it skips loading Pagefind again. */
const openSearchPages = new Map<'zh' | 'en', Page>();
afterAll(async () => {
  for (const page of openSearchPages.values()) await page.close();
});

/** As `search`, typed into the language's open search page (the first query arrives as `?q=`). */
async function quickSearch(lang: 'zh' | 'en', query: string) {
  const page = openSearchPages.get(lang);
  if (!page) {
    const fresh = await browser().newPage();
    openSearchPages.set(lang, fresh);
    return search(fresh, lang, query);
  }
  const previous = (await page.locator('.pagefind-ui__message').textContent()) ?? undefined;
  await page.locator('.search-ui .pagefind-ui__search-input').fill(query);
  await searchSettled(page, previous);
  return resultsOf(page);
}

describe('search', () => {
  test.each([
    ['zh', '服务主导逻辑', '/zh/literature-review/'],
    ['zh', '小米之家', '/zh/mechanisms/value-delivery/'],
    ['zh', '轻资产', '/zh/mechanisms/value-acquisition/'],
    ['en', 'asset-light model', '/en/mechanisms/value-acquisition/'],
    ['en', 'service-dominant logic', '/en/literature-review/'],
    ['en', 'Xiaomi Home', '/en/mechanisms/value-delivery/'],
  ] as const)('on the %s site, “%s” finds %s among the first results', async (lang, query, expected) => {
    const results = await quickSearch(lang, query);
    const urls = results.slice(0, 5).map((result) => new URL(result.url).pathname);
    expect(urls).toContain(expected);
    for (const result of results) expect(new URL(result.url).pathname.startsWith(`/${lang}/`)).toBe(true);
  });

  test('Chinese sub-words inside longer phrases are found: 共创', async () => {
    const results = await quickSearch('zh', '共创');
    expect(results.length).toBeGreaterThan(3);
  });

  test.each(['价值共创', '生态链', '新零售', '商业模式创新', '轻资产', '小米之家', '服务主导逻辑'])(
    'every one of the first five results for the Chinese concept %s contains the whole term',
    async (term) => {
      const results = await quickSearch('zh', term);
      expect(results.length).toBeGreaterThan(0);
      for (const result of results.slice(0, 5)) {
        const html = await (await fetch(result.url)).text();
        const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
        expect(main.replace(/<[^>]+>/g, ''), result.url).toContain(term);
      }
    },
  );

  test.each([
    ['zh', '小米之家', '/zh/mechanisms/value-delivery/#s3-2-3-p3'],
    ['en', 'Xiaomi Home stores', '/en/mechanisms/value-delivery/#s3-2-3-p3'],
    ['en', 'asset-light model', '/en/glossary/#term-light-asset-model'],
    ['zh', '轻资产', '/zh/glossary/#term-light-asset-model'],
  ] as const)('on the %s site, “%s” has a sub-result that lands on %s', async (lang, query, expected) => {
    const results = await quickSearch(lang, query);
    const anchors = results.flatMap((result) => result.subs).map((href) => new URL(href));
    const target = anchors.find((anchor) => `${anchor.pathname}${anchor.hash}` === expected);
    expect(target, `sub-results: ${anchors.map(String).join(' ')}`).toBeDefined();
    const page = await browser().newPage();
    await page.goto(target!.href);
    await expect(page.locator(`[id="${target!.hash.slice(1)}"]`).textContent()).resolves.toMatch(
      lang === 'zh' ? /小米之家|轻资产/ : /Xiaomi Home|asset-light/,
    );
    await page.close();
  });

  test.each([
    ['en', '价值共创', '/en/'],
    ['zh', 'asset-light', '/zh/mechanisms/value-acquisition/'],
  ] as const)('across languages: on the %s site “%s” finds that site’s pages', async (lang, query, expectedPrefix) => {
    const results = await quickSearch(lang, query);
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((result) => new URL(result.url).pathname.startsWith(expectedPrefix))).toBe(true);
  });

  test('“/” opens the search from any page, and pages load no search code until then', async () => {
    const page = await browser().newPage();
    const loaded: string[] = [];
    page.on('request', (request) => loaded.push(request.url()));
    await page.goto(url('en/conclusions/'));
    expect(loaded.filter((request) => request.includes('/pagefind/'))).toEqual([]);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const input = dialog.locator('.pagefind-ui__search-input');
    await input.waitFor();
    await input.fill('ecological chain');
    await dialog.locator('.pagefind-ui__result').first().waitFor();
    expect(loaded.some((request) => request.includes('/pagefind/'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await dialog.waitFor();
    await page.close();
  });

  test('the part filter narrows the results', async () => {
    const page = await browser().newPage();
    const all = await search(page, 'en', 'Xiaomi');
    await page
      .locator('.pagefind-ui__filter-block')
      .first()
      .evaluate((element) => element.setAttribute('open', ''));
    const unfiltered = await page.locator('.pagefind-ui__message').textContent();
    await page.getByLabel(/^Mechanisms/).check();
    // The filtered search answers with a message of its own (a smaller count).
    await searchSettled(page, unfiltered ?? undefined);
    const filtered = await page.$$eval('.pagefind-ui__result-link', (links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
    for (const href of filtered) expect(href).toContain('/en/mechanisms');
    await page.close();
  });
});
