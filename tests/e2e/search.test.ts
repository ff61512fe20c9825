import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { addAxe, axeViolations, useBrowser } from './browser';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

const url = (path: string) => new URL(path, siteUrl).href;

/** The search's status line: empty, "Searching for …", then the number of results. */
const STATUS = 'main .search-status';

/**
 * Waits until the search has answered: its status no longer says it is searching (and differs from
 * `previousMessage`, the answer to an earlier search on the page).
 */
async function searchSettled(page: Page, previousMessage?: string) {
  await page.waitForFunction(
    ([selector, previous]) => {
      const message = document.querySelector(selector ?? '')?.textContent;
      return Boolean(message) && !/Searching|正在搜索/.test(message ?? '') && message !== previous;
    },
    [STATUS, previousMessage] as const,
  );
}

/** Runs a search on the search page and returns the results shown (pages and their places) in order. */
async function search(page: Page, lang: 'zh' | 'en', query: string) {
  await page.goto(url(`${lang}/search/?q=${encodeURIComponent(query)}`));
  await searchSettled(page);
  return resultsOf(page);
}

/** The result links shown (pages and their places, i.e. Pagefind's sub-results), in order. */
function resultsOf(page: Page) {
  return page.$$eval('main .search-result', (results) =>
    results.map((result) => ({
      url: result.querySelector<HTMLAnchorElement>('.search-result-link')?.href ?? '',
      text: result.textContent ?? '',
      subs: [...result.querySelectorAll<HTMLAnchorElement>('.search-place-link')].map((a) => a.href),
    })),
  );
}

/** The number of results the status line announces. */
async function resultCount(page: Page) {
  return Number(/\d+/.exec((await page.locator(STATUS).textContent()) ?? '')?.[0] ?? 0);
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
  // Two queries may answer alike (共创 and 价值共创 both search 价值共创): clear the status first.
  await page.locator(STATUS).evaluate((status) => (status.textContent = ''));
  await page.locator('main input[type="search"]').fill(query);
  await searchSettled(page);
  return resultsOf(page);
}

/** "/zh/glossary/#term-xiaomi-home" for a result link (its highlight parameter aside). */
const place = (href: string) => `${new URL(href).pathname}${new URL(href).hash}`;

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
    'every one of the first results for the Chinese concept %s contains the whole term',
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

  // A place's label, and the text of what it lands on.
  test.each([
    ['zh', '小米之家', '/zh/mechanisms/value-delivery/#s3-2-3-p3', '3.2.3 节第 3 段', /小米之家/],
    ['en', 'Xiaomi Home stores', '/en/mechanisms/value-delivery/#s3-2-3-p3', '§3.2.3 ¶3', /Xiaomi Home/],
    ['en', 'asset-light model', '/en/glossary/#term-light-asset-model', 'asset-light model', /asset-light/],
    ['zh', '轻资产', '/zh/glossary/#term-light-asset-model', '轻资产模式', /轻资产/],
    // The site's notes are places of their own, named as notes, not as the paragraph before them.
    ['en', 'goods-dominant logic', '/en/case-overview/#s3-1-note-1', 'Translator’s note, §3.1', /goods-dominant logic/],
    ['zh', '商品主导逻辑', '/zh/case-overview/#s3-1-note-1', '3.1 节译者注', /商品主导逻辑/],
  ] as const)('on the %s site, “%s” has a sub-result that lands on %s, named %s', async (lang, query, expected, label, text) => {
    await quickSearch(lang, query);
    const page = openSearchPages.get(lang)!;
    // Sub-results of pages further down come with "load more".
    while ((await page.locator(`main .search-place-link[href*="#${expected.split('#')[1] ?? ''}"]`).count()) === 0) {
      const more = page.locator('main .search-more');
      if (await more.isHidden()) break;
      const shown = await page.locator('main .search-result').count();
      await more.click();
      await page.waitForFunction((count) => document.querySelectorAll('main .search-result').length > count, shown);
    }
    const anchors = (await resultsOf(page)).flatMap((result) => result.subs);
    const target = anchors.find((href) => place(href) === expected);
    expect(target, `sub-results: ${anchors.join(' ')}`).toBeDefined();
    const labels = await page.$$eval(
      'main .search-place-link',
      (links, href) => links.filter((a) => (a as HTMLAnchorElement).href === href).map((a) => a.textContent),
      target!,
    );
    expect(labels[0]).toBe(label);
    const opened = await browser().newPage();
    await opened.goto(target!);
    const hash = new URL(target!).hash.slice(1);
    await expect(opened.locator(`[id="${hash}"]`).textContent()).resolves.toMatch(text);
    await opened.close();
  });

  test('a misreading of a term (米粉 for 发烧友) is searched as typed, and finds the note that tells them apart', async () => {
    const results = await quickSearch('en', 'Mi Fans');
    expect(await openSearchPages.get('en')!.locator(STATUS).textContent()).toMatch(/“Mi Fans”/);
    expect(results.flatMap((result) => result.subs).map(place)).toContain('/en/mechanisms/value-proposition/#s3-2-1-note-2');
  });

  test.each([
    ['en', '价值共创', '/en/'],
    ['zh', 'asset-light', '/zh/mechanisms/value-acquisition/'],
  ] as const)('across languages: on the %s site “%s” finds that site’s pages', async (lang, query, expectedPrefix) => {
    const results = await quickSearch(lang, query);
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((result) => new URL(result.url).pathname.startsWith(expectedPrefix))).toBe(true);
  });

  // Reader queries (names, places, numbers, terms, short phrases): each must bring the paragraph
  // that holds it among the first three places listed, whatever else matches.
  test.each([
    ['zh', '小米之家', ['/zh/case-overview/#s3-1-p5', '/zh/mechanisms/value-delivery/#s3-2-3-p3']],
    ['zh', '轻资产', ['/zh/mechanisms/value-acquisition/#s3-2-4-p3']],
    ['zh', '服务主导逻辑', ['/zh/literature-review/#s2-1-p1']],
    ['zh', '生态链', ['/zh/performance/#s3-3-3-p1']],
    ['zh', '新零售', ['/zh/case-overview/#s3-1-p2', '/zh/case-overview/#s3-1-p5']],
    ['zh', 'MIUI', ['/zh/case-overview/#s3-1-p3']],
    ['zh', '供给侧结构性改革', ['/zh/conclusions/#s4-p2']],
    ['zh', '四位一体', ['/zh/case-overview/#s3-1-p4']],
    ['zh', '物联网', ['/zh/performance/#s3-3-2-p1', '/zh/performance/#s3-3-3-p1']],
    ['zh', '毛利率', ['/zh/performance/#s3-3-2-p1']],
    ['zh', '研发投入', ['/zh/conclusions/#s4-p2']],
    ['zh', '2010', ['/zh/case-overview/#s3-1-p1']],
    ['zh', '香港', ['/zh/case-overview/#s3-1-p1']],
    ['en', 'Xiaomi Home', ['/en/case-overview/#s3-1-p5', '/en/mechanisms/value-delivery/#s3-2-3-p3']],
    ['en', 'light-asset', ['/en/mechanisms/value-acquisition/#s3-2-4-p3']],
    ['en', 'service-dominant logic', ['/en/literature-review/#s2-1-p1']],
    ['en', 'ecological chain', ['/en/performance/#s3-3-3-p1']],
    ['en', 'new retail', ['/en/case-overview/#s3-1-p2', '/en/case-overview/#s3-1-p5']],
    ['en', 'MIUI', ['/en/case-overview/#s3-1-p3']],
    ['en', 'supply-side structural reform', ['/en/conclusions/#s4-p2']],
    ['en', 'four-in-one', ['/en/case-overview/#s3-1-p4']],
    ['en', 'Internet of Things', ['/en/performance/#s3-3-2-p1', '/en/performance/#s3-3-3-p1']],
    ['en', 'gross margin', ['/en/performance/#s3-3-2-p1']],
    ['en', 'research and development', ['/en/mechanisms/value-co-creation/#s3-2-2-p3']],
    ['en', '2010', ['/en/case-overview/#s3-1-p1']],
    ['en', 'Hong Kong', ['/en/case-overview/#s3-1-p1']],
    ['en', 'Vargo', ['/en/literature-review/#s2-1-p1']],
  ] as const)('reader query on the %s site: “%s” reaches its paragraph within the first three places', async (lang, query, expected) => {
    const places = (await quickSearch(lang, query))
      .flatMap((result) => result.subs)
      .slice(0, 3)
      .map(place);
    expect(
      places.some((found) => (expected as readonly string[]).includes(found)),
      `first places: ${places.join(' ')}`,
    ).toBe(true);
  });

  test.each([
    ['zh', '小米之家', 'xiaomi-home'],
    ['en', 'Xiaomi Home', 'xiaomi-home'],
    ['en', 'light-asset', 'light-asset-model'],
    ['zh', '价值共创', 'value-co-creation'],
    ['en', 'value co-creation', 'value-co-creation'],
  ] as const)('on the %s site “%s” lists the exact concept first among the glossary’s, and only matching ones', async (lang, query, id) => {
    const results = await quickSearch(lang, query);
    const glossary = results.find((result) => new URL(result.url).pathname === `/${lang}/glossary/`);
    expect(glossary, 'the glossary is among the first results').toBeDefined();
    expect(place(glossary!.subs[0] ?? '')).toBe(`/${lang}/glossary/#term-${id}`);
    // No concept that only shares a character or a widened word ("business model" for "asset-light model").
    for (const sub of glossary!.subs) expect(place(sub)).not.toMatch(/#term-(business-model|new-retail|ecosystem-platform)$/);
  });

  test.each([
    ['zh', 'jzgc'],
    ['zh', 'jiazhi gongchuang'],
    ['zh', '價值共創'],
    ['en', 'jzgc'],
    ['en', 'Jiazhi Gongchuang'],
    ['en', '價值共創'],
  ] as const)('on the %s site, pinyin or Traditional “%s” finds value co-creation’s concept and paragraphs', async (lang, query) => {
    const places = (await quickSearch(lang, query)).flatMap((result) => result.subs).map(place);
    expect(places).toContain(`/${lang}/glossary/#term-value-co-creation`);
    expect(places.some((found) => /#s[\d-]+-p\d+$/.test(found))).toBe(true);
  });

  test.each([
    ['en', 'drawing', 'Figure 1'],
    ['zh', '绘制', '图 1'],
  ] as const)(
    'on the %s site a place is below its page’s title, never the title again; Figure 1 is a place of its own, its words apart',
    async (lang, query, figure) => {
      await quickSearch(lang, query);
      const results = await openSearchPages
        .get(lang)!
        .locator('main .search-result')
        .evaluateAll((items) =>
          items.map((item) => ({
            title: item.querySelector('.search-result-link')?.textContent ?? '',
            places: [...item.querySelectorAll('.search-place')].map((entry) => ({
              title: entry.querySelector('.search-place-link')?.textContent ?? '',
              href: entry.querySelector('a')?.getAttribute('href') ?? '',
              excerpt: entry.querySelector('.search-excerpt')?.textContent ?? '',
            })),
          })),
        );
      for (const result of results) expect(result.places.map((entry) => entry.title)).not.toContain(result.title);
      const figurePlace = results.flatMap((result) => result.places).find((entry) => entry.title === figure);
      expect(figurePlace?.href).toMatch(/#fig-1$/);
      // A lower-case letter straight before a capital, or a full stop before a letter, is two runs of text joined.
      expect(figurePlace?.excerpt).not.toMatch(/[a-z][A-Z]|\.[A-Za-z\u4e00-\u9fff]/);
    },
  );

  // The home page's keywords, without the link that follows them; Figure 1's credit, without the label that marks it as the site's.
  test.each([
    ['en', 'value co-creation', '', 'Start reading'],
    ['zh', '价值共创', '', '开始阅读'],
    ['en', 'caption', 'case-overview/', 'Added by this site'],
    ['zh', '图题', 'case-overview/', '本站所加'],
  ] as const)('on the %s site “%s” finds the words of /%s without the site’s “%s” beside them', async (lang, query, slug, label) => {
    const results = await quickSearch(lang, query);
    expect(results.map((result) => new URL(result.url).pathname)).toContain(`/${lang}/${slug}`);
    expect(await openSearchPages.get(lang)!.locator('main .search-results').textContent()).not.toContain(label);
  });

  // The place a result opens, and what must be marked there: whole words, hyphens and Chinese terms
  // included (Pagefind's own parameters marked every 米 of 小米 and no hyphenated word).
  test.each([
    ['zh', '小米之家', 's3-1-p5', '小米之家'],
    ['zh', '米家', 's3-3-1-p1', '米家'],
    ['en', 'asset-light', 's3-2-4-p3', 'asset-light'],
    // A place that is a heading marks what it heads: here the timeline.
    ['en', 'closed loop', 'timeline-title', 'closed'],
  ] as const)(
    'on the %s site a result for “%s” opens #%s with “%s” marked whole in that place only, and the address keeps no highlight parameter',
    async (lang, query, hash, marked) => {
      await quickSearch(lang, query);
      const href = await openSearchPages.get(lang)!.locator(`main .search-place-link[href$="#${hash}"]`).first().getAttribute('href');
      expect(href).toContain('highlight=');
      const page = await browser().newPage();
      await page.goto(url(href!));
      await page.waitForURL(new RegExp(`#${hash}$`));
      await page.locator('main mark.search-highlight').first().waitFor();
      const marks = await page.locator('main mark.search-highlight').evaluateAll((elements, id) => {
        const target = document.getElementById(id)!;
        // The target, or for a heading the elements up to the next heading.
        const place: Element[] = [target];
        if (/^H\d$/.test(target.tagName))
          for (let next = target.nextElementSibling; next && !/^H\d$/.test(next.tagName); next = next.nextElementSibling) place.push(next);
        return elements.map((mark) => ({ text: mark.textContent ?? '', inPlace: place.some((element) => element.contains(mark)) }));
      }, hash);
      expect(marks.map((mark) => mark.text).join(' ')).toContain(marked);
      expect(marks.filter((mark) => !mark.inPlace)).toEqual([]);
      if (lang === 'zh') expect(marks.filter((mark) => mark.text.length < 2)).toEqual([]);
      expect(page.url()).toBe(url(`${lang}${new URL(href!, siteUrl).pathname.slice(3)}#${hash}`));
      await page.close();
    },
  );

  test('“/” opens the search from any page, and pages load no search code until then', async () => {
    const page = await browser().newPage();
    const loaded: string[] = [];
    page.on('request', (request) => loaded.push(request.url()));
    await page.goto(url('en/conclusions/'));
    expect(loaded.filter((request) => request.includes('/pagefind/') || request.includes('search-ui'))).toEqual([]);
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const input = dialog.locator('input[type="search"]');
    await input.waitFor();
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill('ecological chain');
    await dialog.locator('.search-result').first().waitFor();
    expect(loaded.some((request) => request.includes('/pagefind/'))).toBe(true);
    // Results are announced: the status line is a polite live region with the count.
    await expect(dialog.locator('.search-status[aria-live="polite"]').textContent()).resolves.toMatch(/\d+ results? for/);
    // The results are reached with Tab from the field (past its button and the filters).
    const focusedClass = () => page.evaluate(() => document.activeElement?.className ?? '');
    for (let i = 0; i < 4 && !/search-(result|place)-link/.test(await focusedClass()); i++) await page.keyboard.press('Tab');
    expect(await focusedClass()).toMatch(/search-(result|place)-link/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await dialog.waitFor();
    await page.close();
  });

  test('the part filter narrows the results', async () => {
    await quickSearch('en', 'Xiaomi');
    const page = openSearchPages.get('en')!;
    const all = await resultCount(page);
    await page.locator('main .search-filter summary').click();
    const unfiltered = await page.locator(STATUS).textContent();
    expect(await page.locator('main .search-filter legend').textContent()).toBe('Filter by part');
    for (const label of await page.locator('main .search-filter label').allTextContents()) expect(label).toMatch(/^[A-Z][a-z ]+ \(\d+\)$/);
    await page.getByLabel(/^Innovation mechanisms/).check();
    // The filtered search answers with a message of its own (a smaller count).
    await searchSettled(page, unfiltered ?? undefined);
    const filtered = await page.$$eval('main .search-result-link', (links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(filtered.length).toBeGreaterThan(0);
    expect(await resultCount(page)).toBeLessThan(all);
    for (const href of filtered) expect(href).toContain('/en/mechanisms');
    await page.getByLabel(/^Innovation mechanisms/).uncheck();
  });

  test('axe finds no violation in the results, in either theme', async () => {
    const context = await browser().newContext();
    await addAxe(context);
    const page = await context.newPage();
    await search(page, 'zh', '小米之家');
    await page.locator('main .search-filter summary').click();
    // The filter speaks the page's language, with its punctuation.
    expect(await page.locator('main .search-filter legend').textContent()).toBe('按部分筛选');
    const labels = await page.locator('main .search-filter label').allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/^\p{Script=Han}+（\d+）$/u);
    // Every rule in both themes: the results and the filter are this page's own.
    const allRules = { resultTypes: ['violations'] };
    const violations = await axeViolations(page, [
      { colorScheme: 'light', options: allRules },
      { colorScheme: 'dark', options: allRules },
    ]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
