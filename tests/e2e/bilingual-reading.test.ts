import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { addAxe, axeViolations, layoutShift, useBrowser } from './browser';

const siteUrl = inject('siteUrl');
const browser = useBrowser();
const url = (path: string) => new URL(path, siteUrl).href;

const WIDTHS = [360, 1280] as const;
const LANGS = [
  {
    lang: 'zh',
    htmlLang: 'zh-CN',
    other: 'en',
    otherHtmlLang: 'en',
    otherText: 'Redefining user needs',
    continueAt: '继续阅读：3.2.3 节第 2 段',
  },
  { lang: 'en', htmlLang: 'en', other: 'zh', otherHtmlLang: 'zh-CN', otherText: '重新定义用户需求', continueAt: 'Continue at §3.2.3 ¶2' },
] as const;
const SECTION = 'mechanisms/value-proposition/';
/** Modules load on first use: on a busy machine that can take a while. */
const POLL = { timeout: 10_000 };

/**
 * A context for one width, with the page's <html data-*> recorded as <body> is created: before
 * anything can be painted. Motion is reduced, so scrolling is immediate.
 */
async function readerContext(width: number, options: { axe?: boolean; clipboard?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser().newContext({
    viewport: { width, height: 800 },
    reducedMotion: 'reduce',
    colorScheme: 'light',
    permissions: options.clipboard ? ['clipboard-read', 'clipboard-write'] : [],
  });
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { atFirstBody: DOMStringMap }).atFirstBody = { ...document.documentElement.dataset };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  if (options.axe) await addAxe(context);
  return context;
}

const atFirstBody = (page: Page) => page.evaluate(() => (window as unknown as { atFirstBody: DOMStringMap }).atFirstBody);

/** The top of an element is on screen, below the sticky header. */
async function landedInView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((target) => {
    const box = document.querySelector(target)?.getBoundingClientRect();
    const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    return box !== undefined && box.top >= header - 1 && box.top < innerHeight;
  }, selector);
}

/** Runs `check` at both widths side by side, each in its own context. */
async function atBothWidths(
  options: (width: number) => Parameters<typeof readerContext>[1],
  check: (page: Page, width: number) => Promise<void>,
) {
  await Promise.all(
    WIDTHS.map(async (width) => {
      const context = await readerContext(width, options(width));
      try {
        await check(await context.newPage(), width);
      } finally {
        await context.close();
      }
    }),
  );
}

describe('reading in two languages', () => {
  test('a paragraph shows its other language in place and hides it again; without JavaScript it links to it', async () => {
    await atBothWidths(
      () => ({}),
      async (page, width) => {
        for (const { lang, other, otherHtmlLang, otherText } of LANGS) {
          // A link to a sentence lands on it, highlighted.
          await page.goto(url(`${lang}/${SECTION}#s3-2-1-p2-s2`));
          expect(await page.locator('.sentence:target').getAttribute('id')).toBe('s3-2-1-p2-s2');
          expect(await landedInView(page, '#s3-2-1-p2-s2'), `${lang} ${width}`).toBe(true);
          expect(await page.locator('#s3-2-1-p2-s2').evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
            'rgba(0, 0, 0, 0)',
          );

          const control = page.locator('#s3-2-1-p2 a.other-lang');
          expect(await control.getAttribute('aria-expanded')).toBe('false');
          await control.click();
          const shown = page.locator('.other-lang-text[data-for="s3-2-1-p2"]');
          await shown.waitFor();
          expect(page.url()).toBe(url(`${lang}/${SECTION}#s3-2-1-p2-s2`));
          expect(await control.getAttribute('aria-expanded')).toBe('true');
          const revealed = await shown.evaluate((element) => ({
            lang: element.getAttribute('lang'),
            pagefindIgnore: element.getAttribute('data-pagefind-ignore'),
            follows: element.previousElementSibling?.id,
            ids: element.querySelectorAll('[id]').length + (element.id ? 1 : 0),
            sentences: [...element.querySelectorAll<HTMLElement>('.sentence')].map((sentence) => sentence.dataset['sentence']),
            text: element.textContent,
          }));
          expect(revealed).toMatchObject({ lang: otherHtmlLang, pagefindIgnore: 'all', follows: 's3-2-1-p2', ids: 0 });
          expect(revealed.sentences).toEqual(['s3-2-1-p2-s1', 's3-2-1-p2-s2', 's3-2-1-p2-s3']);
          expect(revealed.text).toContain(otherText);
          await control.click();
          await shown.waitFor({ state: 'detached' });
          expect(await control.getAttribute('aria-expanded')).toBe('false');
          // A click with a modifier key still opens the other page (here: the link's target).
          expect(await control.getAttribute('href')).toBe(`/${other}/${SECTION}#s3-2-1-p2`);
        }
      },
    );
    // Without JavaScript the control is a plain link to the paragraph on the other language's page.
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    for (const { lang, other, otherHtmlLang } of LANGS) {
      await page.goto(url(`${lang}/${SECTION}`));
      expect(await page.locator('.settings-button').isVisible()).toBe(false);
      await page.locator('#s3-2-1-p3 a.other-lang').click();
      await page.waitForURL(url(`${other}/${SECTION}#s3-2-1-p3`));
      expect(await page.getAttribute('html', 'lang')).toBe(otherHtmlLang);
    }
    await context.close();
  });

  test('the reader’s settings apply before first paint without shifting anything, are remembered across pages, show both languages in either order, and reset', async () => {
    // axe on the phone-sized page only: its rules do not depend on the width.
    await atBothWidths(
      (width) => ({ axe: width === 360 }),
      async (page, width) => {
        for (const { lang, htmlLang, other } of LANGS) {
          await page.goto(url(`${lang}/${SECTION}`));
          await page.locator('.settings-button').click();
          const panel = page.locator('#reader-settings');
          await panel.waitFor();
          await panel.locator('select[name="textSize"]').selectOption('l');
          await panel.locator('select[name="leading"]').selectOption('loose');
          await panel.locator('select[name="measure"]').selectOption('narrow');
          await panel.locator('input[name="cites"]').check();
          await panel.locator('input[name="both"]').check();
          await page.locator('.other-lang-text').nth(2).waitFor();
          // Original first: the Chinese version of each paragraph comes before the English one.
          const order = () =>
            page
              .locator('main p[lang], main p.para')
              .evaluateAll((paragraphs) => paragraphs.map((p) => p.closest('[lang]')?.getAttribute('lang')));
          expect((await order()).slice(0, 2)).toEqual(['zh-CN', 'en']);
          await panel.locator('select[name="order"]').selectOption('translation');
          await expect.poll(async () => (await order()).slice(0, 2), POLL).toEqual(['en', 'zh-CN']);
          expect(await order()).toHaveLength(6);
          if (width === 360) expect(await axeViolations(page), lang).toEqual([]);
          await page.keyboard.press('Escape');

          // Another page: the settings are on <html> before <body> exists, nothing shifts, and they apply.
          await page.goto(url(`${other}/mechanisms/value-delivery/`));
          expect(await atFirstBody(page)).toMatchObject({
            textSize: 'l',
            leading: 'loose',
            measure: 'narrow',
            cites: 'hidden',
            both: 'on',
            order: 'translation',
          });
          const styles = await page.evaluate(() => {
            return {
              rootSize: getComputedStyle(document.documentElement).fontSize,
              lineHeight:
                parseFloat(getComputedStyle(document.querySelector('main p.para')!).lineHeight) /
                parseFloat(getComputedStyle(document.querySelector('main p.para')!).fontSize),
              measure: getComputedStyle(document.querySelector('main')!).maxWidth,
            };
          });
          expect(styles.rootSize).toBe('18px');
          expect(styles.lineHeight).toBeGreaterThan(2.1);
          expect(styles.measure).toBe(`${34 * 18}px`);
          // The markers are hidden, and the space before each with it: "needs." and "逻辑，", never "needs ." nor "逻辑 ，".
          const spacesLeft = await page.locator('main p.para').evaluateAll((paragraphs) =>
            paragraphs.flatMap((paragraph) =>
              [...paragraph.querySelectorAll('a.cite')]
                .map((cite) => cite.closest('.cite-group') ?? cite)
                .filter((marker) => {
                  const box = marker.getBoundingClientRect();
                  return box.width * box.height > 1 || /\s$/.test(marker.previousSibling?.textContent ?? '');
                })
                .map((marker) => `${paragraph.id}: “…${marker.previousSibling?.textContent?.slice(-12) ?? ''}${marker.textContent}”`),
            ),
          );
          expect(spacesLeft).toEqual([]);
          // The hidden markers stay links for assistive technology, and show (with their preview) when focused.
          const cite = page.locator('main p.para a.cite').first();
          // (With both languages on, the page shows once the other language is in: on a busy machine
          // that can take a moment, a marker can take focus only once it shows, and the previews'
          // script may come after that first focus; so the marker is focused again until both hold.)
          const preview = page.locator(`#${(await cite.getAttribute('aria-describedby'))!}`);
          await expect
            .poll(
              async () => {
                await cite.blur();
                await cite.focus();
                return { markerShown: ((await cite.boundingBox())?.width ?? 0) > 5, previewShown: await preview.isVisible() };
              },
              { timeout: 5_000 },
            )
            .toEqual({ markerShown: true, previewShown: true });
          // Translation first: the other language (revealed) comes before Chinese on the Chinese page.
          await page.locator('.other-lang-text').nth(2).waitFor();
          const firstLang = await page
            .locator('main .other-lang-text, main p.para')
            .first()
            .evaluate((p) => p.closest('[lang]')?.getAttribute('lang'));
          expect(firstLang).toBe('en');

          // Reset: everything back to the defaults, here and on the next page.
          await page.locator('.settings-button').click();
          await page.locator('#reader-settings button[data-reset]').click();
          await expect.poll(() => page.locator('.other-lang-text').count(), POLL).toBe(0);
          await page.goto(url(`${lang}/${SECTION}`));
          const defaults = await atFirstBody(page);
          expect(defaults).not.toHaveProperty('textSize');
          expect(defaults).not.toHaveProperty('both');
          expect(await page.getAttribute('html', 'lang')).toBe(htmlLang);
        }
      },
    );
  });

  test('settings applied before first paint shift nothing, both languages included', async () => {
    await atBothWidths(
      () => ({}),
      async (page, width) => {
        await page.goto(url('en/'));
        await page.evaluate(() =>
          localStorage.setItem(
            'reader-settings',
            JSON.stringify({ textSize: 'xl', leading: 'relaxed', measure: 'wide', cites: 'hidden', both: 'on', order: 'translation' }),
          ),
        );
        for (const path of [
          'zh/case-overview/',
          'en/mechanisms/value-proposition/#s3-2-1-p3',
          'en/mechanisms/value-proposition/parallel/',
        ]) {
          await page.goto(url(path), { waitUntil: 'networkidle' });
          // A section page shows once the other language is in (OtherLanguageLinks.astro), however long that takes.
          if (!path.includes('parallel')) await page.waitForFunction(() => 'bothShown' in document.documentElement.dataset);
          const shift = await layoutShift(page, 100);
          expect(shift.total, `${path} at ${width}px: ${shift.moved.join('; ')}`).toBeLessThan(0.01);
          if (!path.includes('parallel')) expect(await page.locator('.other-lang-text').count()).toBeGreaterThan(0);
        }
        // A link still lands on its paragraph once the other language is in.
        await page.goto(url('en/mechanisms/value-proposition/#s3-2-1-p3'), { waitUntil: 'networkidle' });
        expect(await landedInView(page, '#s3-2-1-p3')).toBe(true);
      },
    );
  });

  test('the parallel view pairs sentences both ways by pointer, tap and keyboard, swaps its columns, and links a sentence', async () => {
    await atBothWidths(
      () => ({ clipboard: true }),
      async (page, width) => {
        for (const { lang } of LANGS) {
          const parallel = url(`${lang}/${SECTION}parallel/`);
          // The first tap focuses its sentence (the module loads on it) and shows the sentence's
          // link, docked: nothing in the text moves.
          await page.goto(parallel);
          const textAfter = () =>
            page.locator('#s3-2-1-p3-s3').evaluate((sentence) => {
              // Where its lines sit in their paragraph: the tap may scroll the page to the counterpart.
              const paragraph = sentence.closest('p')!.getBoundingClientRect();
              return [...sentence.getClientRects()].map((box) => [box.x - paragraph.x, box.y - paragraph.y, box.width]);
            });
          const tapped = await page.locator('#s3-2-1-p3-s2').evaluate((sentence) => {
            sentence.scrollIntoView({ block: 'center' });
            const box = sentence.getClientRects()[0]!;
            return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
          });
          const before = await textAfter();
          await page.mouse.click(tapped.x, tapped.y);
          await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('s3-2-1-p3-s2');
          const copy = page.locator('#s3-2-1-p3-s2 + .sentence-link');
          const shown = () => copy.evaluate((button) => getComputedStyle(button).opacity === '1');
          expect(await shown()).toBe(true);
          expect(await copy.getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
          expect(await textAfter()).toEqual(before);
          const box = (await copy.boundingBox())!;
          expect(box.y + box.height, `${lang} ${width}`).toBeLessThanOrEqual(800);
          // Out of the sentence, out of the way.
          await page.locator('.parallel-hint').click();
          expect(await shown()).toBe(false);
          // What follows starts from a fresh page, the pointer off the text.
          await page.mouse.move(0, 0);
          await page.goto('about:blank');

          // A link to a sentence lands on it, highlighted, with its counterpart.
          await page.goto(`${parallel}#s3-2-1-p2-s2`);
          expect(await page.locator('.sentence:target').getAttribute('id')).toBe('s3-2-1-p2-s2');
          expect(await landedInView(page, '#s3-2-1-p2-s2'), `${lang} ${width}`).toBe(true);
          await page.locator('[data-sentence="s3-2-1-p2-s2"].paired').waitFor();

          // Pointing at the other column's sentence highlights the page's own, and the other way round.
          await page.locator('[data-sentence="s3-2-1-p3-s1"]').hover();
          await page.locator('#s3-2-1-p3-s1.paired').waitFor();
          await page.locator('#s3-2-1-p3-s3').hover();
          await page.locator('[data-sentence="s3-2-1-p3-s3"].paired').waitFor();
          expect(await page.locator('.paired').count()).toBe(2);

          // A tap focuses the sentence; its counterpart is highlighted and on screen.
          const firstLine = await page.locator('#s3-2-1-p3-s2').evaluate((sentence) => {
            sentence.scrollIntoView({ block: 'center' });
            const box = sentence.getClientRects()[0]!;
            return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
          });
          await page.mouse.click(firstLine.x, firstLine.y);
          await page.locator('[data-sentence="s3-2-1-p3-s2"].paired').waitFor();
          expect(await landedInView(page, '[data-sentence="s3-2-1-p3-s2"]')).toBe(true);
          // One tab stop for all sentences; arrows move between sentences and languages.
          expect(await page.locator('.parallel .sentence[tabindex="0"]').count()).toBe(1);
          await page.keyboard.press('ArrowRight');
          expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['sentence'])).toBe('s3-2-1-p3-s2');
          await page.keyboard.press('ArrowDown');
          expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['sentence'])).toBe('s3-2-1-p3-s3');
          await page.keyboard.press('ArrowLeft');
          expect(await page.evaluate(() => document.activeElement?.id)).toBe('s3-2-1-p3-s3');
          expect(await page.locator('#s3-2-1-p3-s3.paired').count()).toBe(1);
          // The focused sentence is followed by its copy-link button.
          await page.keyboard.press('Tab');
          await page.keyboard.press('Enter');
          await expect
            .poll(() => page.evaluate(() => navigator.clipboard.readText()), POLL)
            .toBe(`${inject('canonicalBase')}${lang}/${SECTION}parallel/#s3-2-1-p3-s3`);
          expect(await page.locator('.parallel [role="status"]').textContent()).not.toBe('');

          // Swap the columns: the translation leads, and stays so on the next page. The titles
          // lead in the same order as the rows, whichever is the page's h1.
          const swap = page.locator('.swap-columns');
          const leads = async () => {
            const lead = async (row: string) => {
              const [zh, en] = await Promise.all(['zh-CN', 'en'].map((code) => page.locator(`${row} > :lang(${code})`).boundingBox()));
              return width > 800 ? (en!.x < zh!.x ? 'en' : 'zh') : en!.y < zh!.y ? 'en' : 'zh';
            };
            const [titles, rows] = await Promise.all([lead('.parallel-titles'), lead('[data-row="s3-2-1-p2"]')]);
            return titles === rows ? rows : `titles ${titles}, rows ${rows}`;
          };
          expect(await leads()).toBe('zh');
          expect(await swap.getAttribute('aria-pressed')).toBe('false');
          await swap.click();
          await expect.poll(leads, POLL).toBe('en');
          expect(await swap.getAttribute('aria-pressed')).toBe('true');
          await page.goto(url(`${lang}/introduction/parallel/`));
          expect(await atFirstBody(page)).toMatchObject({ order: 'translation' });
          expect(await swap.getAttribute('aria-pressed')).toBe('true');
          await swap.click();
          await expect.poll(() => swap.getAttribute('aria-pressed'), POLL).toBe('false');
        }
      },
    );
  });

  test('arriving at a paragraph or sentence with both languages, original first, lands on the original', async () => {
    await atBothWidths(
      () => ({}),
      async (page, width) => {
        await page.goto(url('en/'));
        await page.evaluate(() => localStorage.setItem('reader-settings', JSON.stringify({ both: 'on' })));
        for (const [hash, original] of [
          ['s3-2-1-p3', '.other-lang-text[data-for="s3-2-1-p3"]'],
          ['s3-2-1-p2-s3', '.other-lang-text [data-sentence="s3-2-1-p2-s3"]'],
        ] as const) {
          await page.goto(url(`en/${SECTION}#${hash}`));
          await page.waitForFunction(() => 'bothShown' in document.documentElement.dataset);
          await expect.poll(() => landedInView(page, original), { ...POLL, message: `${hash} at ${width}` }).toBe(true);
        }
        await page.evaluate(() => localStorage.removeItem('reader-settings'));
      },
    );
  });

  test('the home page offers to continue at the last paragraph read in its language, and clears it', async () => {
    await atBothWidths(
      () => ({}),
      async (page, width) => {
        for (const { lang, continueAt } of LANGS) {
          await page.goto(url(`${lang}/`));
          expect(await page.locator('#continue-reading').isVisible()).toBe(false);
          await page.goto(url(`${lang}/mechanisms/value-delivery/`));
          await page.locator('#s3-2-3-p2').evaluate((paragraph) => paragraph.scrollIntoView());
          await page.waitForTimeout(400);
          await page.goto(url(`${lang}/`));
          const link = page.locator('#continue-reading a');
          expect(await link.textContent(), `${lang} ${width}`).toBe(continueAt);
          expect(await link.getAttribute('href')).toBe(`/${lang}/mechanisms/value-delivery/#s3-2-3-p2`);
          // Shown as the page is parsed: nothing below it moves.
          const shift = await layoutShift(page, 100);
          expect(shift.total, shift.moved.join('; ')).toBeLessThan(0.01);
          await page.locator('#continue-reading button').click();
          expect(await page.locator('#continue-reading [role="status"]').textContent()).not.toBe('');
          expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('reading-position')))).toEqual([]);
        }
      },
    );
  });
});
