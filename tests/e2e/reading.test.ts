import { describe, expect, inject, test } from 'vitest';
import { ALL_SLUGS, contractAnchors, PAGE_OF_SECTION, SECTION_SLUGS } from '../fixtures/contract';
import { useBrowser } from './browser';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

const url = (path: string) => new URL(path, siteUrl).href;

describe('the bilingual reading site', () => {
  test('every contract page is served in both languages with the right <html lang> and a heading', async () => {
    // Over HTTP, without rendering: the quality gates load every page in the browser (and check
    // that nothing is fetched from another host) already.
    for (const [lang, htmlLang] of [
      ['zh', 'zh-CN'],
      ['en', 'en'],
    ] as const) {
      for (const slug of ALL_SLUGS) {
        const path = `${lang}/${slug ? `${slug}/` : ''}`;
        const response = await fetch(url(path));
        expect(response.status, path).toBe(200);
        const html = await response.text();
        expect(/<html[^>]* lang="([^"]+)"/.exec(html)?.[1], path).toBe(htmlLang);
        expect(
          /<h1[^>]*>([\s\S]*?)<\/h1>/
            .exec(html)?.[1]
            ?.replace(/<[^>]+>/g, '')
            .trim(),
          path,
        ).toBeTruthy();
      }
    }
    const page = await browser().newPage();
    const root = await page.goto(url(''));
    expect(root?.status()).toBe(200);
    expect(await page.getByRole('link', { name: /English/ }).getAttribute('href')).toMatch(/\/en\/$/);
    expect(await page.getByRole('link', { name: /中文/ }).getAttribute('href')).toMatch(/\/zh\/$/);
    await page.close();
  });

  test('every section heading and paper paragraph carries its contract id in both languages', async () => {
    // In the HTML as served, without rendering: the server writes every id, and no script adds one
    // (the assigned passage's notice aside).
    const sectionsBySlug = Map.groupBy(Object.entries(PAGE_OF_SECTION), ([, slug]) => slug);
    for (const lang of ['zh', 'en']) {
      for (const [slug, sections] of sectionsBySlug) {
        const html = await (await fetch(url(`${lang}/${slug}/`))).text();
        const ids = [...html.matchAll(/<[a-z][^>]*?\sid="([^"]+)"/g)].map(([, id]) => id);
        const count = (id: string) => ids.filter((other) => other === id).length;
        for (const [section] of sections) {
          for (const id of contractAnchors(section)) expect(count(id), `${lang}/${slug}#${id}`).toBe(1);
          // No paragraph beyond the contract's count.
          const extra = contractAnchors(section).filter((id) => id.includes('-p')).length + 1;
          expect(count(`s${section.replaceAll('.', '-')}-p${extra}`), `${lang}/${slug}`).toBe(0);
        }
      }
    }
  });

  test('on a phone, a reference’s link (a DOI, a URL) breaks only after a slash or hyphen, unless it is wider than a line', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 800 } });
    const broken: string[] = [];
    for (const lang of ['zh', 'en']) {
      await page.goto(url(`${lang}/references/`));
      const links = await page.locator('.ref-text a').evaluateAll((elements) =>
        elements.flatMap((link) => {
          const text = link.firstChild;
          if (link.getClientRects().length < 2 || !text) return [];
          // Where its lines break: the characters that end a line.
          const range = document.createRange();
          const top = (index: number) => {
            range.setStart(text, index);
            range.setEnd(text, index + 1);
            return range.getBoundingClientRect().top;
          };
          const length = text.textContent?.length ?? 0;
          const ends = [...Array(length - 1).keys()].filter((index) => top(index + 1) > top(index) + 1);
          if (ends.every((index) => /[/-]/.test(text.textContent?.[index] ?? ''))) return [];
          // Its width on one line, beside the text it is in.
          const probe = document.createElement('span');
          probe.textContent = link.textContent;
          probe.style.whiteSpace = 'nowrap';
          link.after(probe);
          const width = probe.getBoundingClientRect().width;
          probe.remove();
          return width <= (link.closest('.ref-text')?.clientWidth ?? 0) ? [link.textContent ?? ''] : [];
        }),
      );
      broken.push(...links.map((link) => `${lang}: ${link}`));
    }
    await page.close();
    expect(broken).toEqual([]);
  });

  test('on a phone, Chinese titles break between words only (at a <wbr> or a space)', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 800 } });
    const broken: string[] = [];
    // The parallel views hold every section's Chinese title and headings, at a phone's full width.
    for (const path of ['', 'zh/', ...SECTION_SLUGS.map((slug) => `en/${slug}/parallel/`)]) {
      await page.goto(url(path));
      // A run of text between two <wbr> is one phrase: each of its characters but the spaces on one line.
      const split = await page.locator(':is(h1, h2, h3, .h1-like):lang(zh)').evaluateAll((headings) =>
        headings.flatMap((heading) => {
          const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
          const phrases: string[] = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            const tops = new Set<number>();
            for (const [index, char] of [...(node.textContent ?? '')].entries()) {
              if (/\s/.test(char)) continue;
              range.setStart(node, index);
              range.setEnd(node, index + 1);
              tops.add(Math.round(range.getBoundingClientRect().top));
            }
            if (tops.size > 1) phrases.push(node.textContent ?? '');
          }
          return phrases;
        }),
      );
      broken.push(...split.map((phrase) => `${path}: ${phrase}`));
    }
    await page.close();
    expect(broken).toEqual([]);
  });

  test('on a phone, the previous and next links break English titles only between words', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 800 } });
    const broken: string[] = [];
    // English titles (Chinese breaks between any two characters).
    for (const lang of ['en']) {
      for (const slug of SECTION_SLUGS) {
        await page.goto(url(`${lang}/${slug}/`));
        // A word (between spaces and after hyphens) set on two lines has two boxes.
        const words = await page.locator('.page-nav a').evaluateAll((links) =>
          links.flatMap((link) =>
            [...link.childNodes].flatMap((node) => {
              if (node.nodeType !== Node.TEXT_NODE) return [];
              return [...(node.textContent ?? '').matchAll(/[^\s-]+-?/g)].flatMap((match) => {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                return range.getClientRects().length > 1 ? [match[0]] : [];
              });
            }),
          ),
        );
        broken.push(...words.map((word) => `${lang}/${slug}/: ${word}`));
      }
    }
    await page.close();
    expect(broken).toEqual([]);
  });

  test('the header’s controls stay together beside or under the title, and a sticky header never covers a fifth of a phone', async () => {
    const problems: string[] = [];
    for (const lang of ['zh', 'en']) {
      const page = await browser().newPage({ viewport: { width: 1280, height: 740 } });
      // The header is the same on every page: a short one lays out quickly.
      await page.goto(url(`${lang}/downloads/`));
      for (const width of [320, 360, 480, 520, 600, 680, 800, 1280]) {
        await page.setViewportSize({ width, height: 740 });
        for (const textSize of ['m', 'l', 'xl', 'xxl']) {
          const layout = await page.evaluate((size) => {
            document.documentElement.dataset['textSize'] = size;
            const title = document.querySelector('.site-title')!.getBoundingClientRect();
            const controls = [...document.querySelectorAll('.site-header :is(.header-link, .header-button)')]
              .map((control) => control.getBoundingClientRect())
              .filter((box) => box.width > 0);
            const header = document.querySelector('.site-header')!;
            return {
              // A control beside the title has its middle within the title's lines.
              beside: controls.map((box) => box.top + box.height / 2 < title.bottom),
              share: header.getBoundingClientRect().height / innerHeight,
              stays: getComputedStyle(header).position === 'sticky',
            };
          }, textSize);
          const where = `${lang} ${width}px ${textSize}`;
          if (new Set(layout.beside).size > 1) problems.push(`${where}: the controls are split between the title’s row and the next`);
          if (layout.stays && width <= 480 && layout.share > 0.2)
            problems.push(`${where}: the sticky header covers ${Math.round(layout.share * 100)} % of the screen`);
          // With the largest text the header scrolls away up to the phone layout's 45rem (720 px).
          if (layout.stays !== (width > 720 || textSize !== 'xxl'))
            problems.push(`${where}: the header ${layout.stays ? 'stays' : 'scrolls away'}`);
        }
        // A control that shows only its icon is still named by its label, not by its tooltip.
        const search = page.locator('.site-header').getByRole('link', { name: lang === 'zh' ? '搜索' : 'Search', exact: true });
        if ((await search.count()) !== 1) problems.push(`${lang} ${width}px: the search link is not named by its label`);
      }
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  test('every label of Figure 1 lies inside its shape, in both languages', async () => {
    const page = await browser().newPage();
    const outside: string[] = [];
    for (const lang of ['zh', 'en']) {
      await page.goto(url(`${lang}/case-overview/`));
      // In the drawing's own units: each group is a shape (box, ellipse or circle) and the text it holds.
      const labels = await page.locator('#fig-1 svg g').evaluateAll((groups) =>
        groups.flatMap((group) => {
          const shape = group.querySelector<SVGGraphicsElement>('rect, ellipse, circle')!.getBBox();
          return [...group.querySelectorAll<SVGTextElement>('text')].map((text) => {
            const box = text.getBBox();
            const inside =
              box.x >= shape.x + 2 &&
              box.x + box.width <= shape.x + shape.width - 2 &&
              box.y >= shape.y &&
              box.y + box.height <= shape.y + shape.height;
            return { text: text.textContent ?? '', inside };
          });
        }),
      );
      outside.push(...labels.filter((label) => !label.inside).map((label) => `${lang}: ${label.text}`));
    }
    await page.close();
    expect(outside).toEqual([]);
  });

  test('the key figures’ bar chart sets its labels at one readable size on a phone and on a desktop', async () => {
    const sizes: number[] = [];
    for (const width of [360, 1280]) {
      const page = await browser().newPage({ viewport: { width, height: 800 } });
      await page.goto(url('en/performance/'));
      // The rendered height of the first label's glyphs (a scaled drawing's text would differ).
      sizes.push(
        await page
          .locator('.chart .bar-label')
          .first()
          .evaluate((label) => {
            const range = document.createRange();
            range.selectNodeContents(label);
            return range.getClientRects()[0]?.height ?? 0;
          }),
      );
      await page.close();
    }
    expect(Math.abs(sizes[0]! - sizes[1]!), `label heights ${sizes.join(' and ')} px`).toBeLessThan(1);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(13);
  });

  test('on a touch screen, a tap on a paragraph shows its copy-link button, until a tap on another', async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(url('en/case-overview/'));
    const shown = (id: string) => page.locator(`#${id} > .copy-link`).evaluate((button) => getComputedStyle(button).opacity);
    expect(await shown('s3-1-p3')).toBe('0');
    await page.locator('#s3-1-p3 .sentence').first().tap();
    await expect.poll(() => shown('s3-1-p3')).toBe('1');
    await page.locator('#s3-1-p4 .sentence').first().tap();
    await expect.poll(() => shown('s3-1-p4')).toBe('1');
    expect(await shown('s3-1-p3')).toBe('0');
    await context.close();
  });

  test('the language switcher keeps the reader’s place: same section, same anchor, or the paragraph scrolled to', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(url('zh/mechanisms/value-proposition/#s3-2-1-p2'));
    await page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/en\/mechanisms\/value-proposition\/#s3-2-1-p2$/);
    expect(await page.locator('#s3-2-1-p2').textContent()).toContain('1) Redefining user needs');
    // Scrolled on from the anchor to a later paragraph: the switch takes the reader there.
    await page.locator('#s3-2-1-p3').evaluate((paragraph) => scrollTo(0, scrollY + paragraph.getBoundingClientRect().top - 150));
    const switchToZh = page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文' });
    await expect.poll(() => switchToZh.getAttribute('data-place')).toBe('s3-2-1-p3');
    await switchToZh.click();
    await page.waitForURL(/\/zh\/mechanisms\/value-proposition\/#s3-2-1-p3$/);
    // A sentence's anchor is kept while the reader is in its paragraph.
    await page.goto(url('zh/mechanisms/value-proposition/#s3-2-1-p2-s2'));
    const switchToEn = page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' });
    await expect.poll(() => switchToEn.getAttribute('data-place')).toBe('s3-2-1-p2');
    await switchToEn.click();
    await page.waitForURL(/\/en\/mechanisms\/value-proposition\/#s3-2-1-p2-s2$/);
    // At the top of a page, never scrolled or scrolled back: no anchor.
    await page.goto(url('zh/mechanisms/value-proposition/'));
    const switchBack = page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' });
    await page.locator('#s3-2-1-p3').evaluate((paragraph) => scrollTo(0, scrollY + paragraph.getBoundingClientRect().top - 150));
    await expect.poll(() => switchBack.getAttribute('data-place')).toBe('s3-2-1-p3');
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(() => switchBack.getAttribute('data-place')).toBe('');
    await switchBack.click();
    await page.waitForURL(/\/en\/mechanisms\/value-proposition\/$/);
    // An assigned passage stays assigned in the other language.
    await page.goto(url('en/mechanisms/value-proposition/?p=s3-2-1-p2..s3-2-1-p3#s3-2-1-p2'));
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文' }).click();
    await page.waitForURL(/\/zh\/mechanisms\/value-proposition\/\?p=s3-2-1-p2\.\.s3-2-1-p3#s3-2-1-p2$/);
    await expect
      .poll(() => page.locator('.assigned').evaluateAll((marked) => marked.map((element) => element.id)))
      .toEqual(['s3-2-1-p2', 's3-2-1-p3']);
    await page.close();
  });

  test('the parallel view shows each paragraph in both languages, side by side when wide', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url('en/literature-review/parallel/'));
    const row = page.locator('.parallel-row', { has: page.locator('#s2-1-p1') });
    await expect(row.locator('[lang="zh-CN"]').textContent()).resolves.toContain('价值共创研究基于两种逻辑');
    await expect(row.locator('[lang="en"]').textContent()).resolves.toContain('service-dominant logic');
    const [zhBox, enBox] = await Promise.all([row.locator('[lang="zh-CN"]').boundingBox(), row.locator('[lang="en"]').boundingBox()]);
    expect(zhBox?.y).toBe(enBox?.y);
    expect(enBox!.x).toBeGreaterThan(zhBox!.x);
    // Each title heads its own language's column, though the English one is this page's h1.
    const titles = page.locator('.parallel-titles');
    const [zhTitle, enTitle] = await Promise.all([titles.locator('[lang="zh-CN"]').boundingBox(), titles.locator('h1').boundingBox()]);
    expect(zhTitle!.x).toBe(zhBox!.x);
    expect(enTitle!.x).toBe(enBox!.x);
    // Ids stay unique: the English page keeps them on the English paragraphs.
    expect(await page.locator('[id="s2-1-p1"]').count()).toBe(1);
    const duplicateIds = await page.locator('[id]').evaluateAll((elements) => {
      const ids = elements.map((element) => element.id);
      return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
    });
    expect(duplicateIds).toEqual([]);
    expect(await page.locator('#s2-1-p1').evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).toBe('en');
    await page.setViewportSize({ width: 360, height: 800 });
    const [narrowZh, narrowEn] = await Promise.all([row.locator('[lang="zh-CN"]').boundingBox(), row.locator('[lang="en"]').boundingBox()]);
    expect(narrowEn!.y).toBeGreaterThan(narrowZh!.y);
    // A linked paragraph is marked in both columns, though only the page's language holds its id.
    await page.goto(url('zh/case-overview/parallel/#s3-1-p3'));
    const backgrounds = (id: string) =>
      page
        .locator('.parallel-row', { has: page.locator(`#${id}`) })
        .locator(':scope > * > :first-child')
        .evaluateAll((blocks) => blocks.map((block) => getComputedStyle(block).backgroundColor));
    const unmarked = 'rgba(0, 0, 0, 0)';
    await expect.poll(async () => (await backgrounds('s3-1-p3')).filter((colour) => colour !== unmarked)).toHaveLength(2);
    expect(await backgrounds('s3-1-p2')).toEqual([unmarked, unmarked]);
    await page.close();
  });

  test('a mistyped address lands on the 404 page in its language first, whole on a phone, pointing to the page', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 800 } });
    for (const [lang, first] of [
      ['en', 'Page not found'],
      ['zh', '页面不存在'],
    ] as const) {
      const response = await page.goto(url(`${lang}/mechanisms/value-creation/`));
      expect(response?.status()).toBe(404);
      expect(await page.locator('main h1').first().textContent()).toBe(first);
      expect(await page.locator('#suggestion > span').first().getAttribute('lang')).toBe(lang === 'en' ? 'en' : 'zh-CN');
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'en' ? 'en' : 'zh-CN');
      expect(await page.locator('#suggestion a').getAttribute('href')).toBe(`/${lang}/mechanisms/value-co-creation/`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
    await page.close();
  });

  test('with JavaScript off a section page loses nothing but the theme toggle', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url('zh/mechanisms/value-delivery/'));
    expect(await page.locator('#s3-2-3-p3').isVisible()).toBe(true);
    expect(await page.locator('a.cite').first().getAttribute('href')).toMatch(/\/zh\/references\/#ref-\d+$/);
    expect(await page.getByRole('button', { name: '深色主题' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /下一节/ }).count()).toBe(1);
    await context.close();
  });

  test('the theme toggle switches to dark and remembers it', async () => {
    const page = await browser().newPage({ colorScheme: 'light' });
    await page.goto(url('en/introduction/'));
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await expect(page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.close();
  });
});
