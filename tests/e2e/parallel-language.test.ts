import { describe, expect, inject, test } from 'vitest';
import { SECTION_SLUGS } from '../fixtures/contract';
import { useBrowser } from './browser';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

/**
 * Everything in one column of a parallel view that is not in that column's language: text (figure
 * labels, captions, notes, table cells, SVG titles), accessible names and link targets. Runs in the
 * page. A column's own language is its `lang`; Chinese quoted in English must sit in an element
 * marked zh, and English words in Chinese text must come one at a time (IoT, MIUI), never as a
 * phrase, unless marked en.
 */
function foreignInColumns(base: string): { column: string; problems: string[] }[] {
  const CHINESE = /\p{Script=Han}/u;
  const ENGLISH_PHRASE = /[A-Za-z]{2,}(?:['’-][A-Za-z]+)*(?:[\s,]+[A-Za-z]{2,}(?:['’-][A-Za-z]+)*)+/;
  const nearestLang = (node: Node): string =>
    (node instanceof Element ? node : node.parentElement)?.closest('[lang]')?.getAttribute('lang') ?? '';
  const isForeign = (text: string, lang: string): boolean => (lang.startsWith('zh') ? ENGLISH_PHRASE.test(text) : CHINESE.test(text));
  const columns = [...document.querySelectorAll<HTMLElement>('.parallel-row:not(.parallel-head) > div[lang]')];
  return columns.map((column, index) => {
    const columnLang = column.getAttribute('lang') ?? '';
    const code = columnLang.startsWith('zh') ? 'zh' : 'en';
    const problems: string[] = [];
    const walker = document.createTreeWalker(column, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const lang = nearestLang(node);
      if (text && isForeign(text, lang)) problems.push(`text in lang=${lang}: “${text.slice(0, 60)}”`);
    }
    for (const element of column.querySelectorAll('[lang]')) {
      const lang = element.getAttribute('lang') ?? '';
      // The only other language a column may hold is a quotation marked as such: Chinese in
      // English, an English phrase in Chinese.
      const text = element.textContent ?? '';
      const quoted = code === 'en' ? lang.startsWith('zh') && CHINESE.test(text) : lang === 'en' && !CHINESE.test(text);
      if (lang !== columnLang && !quoted) {
        problems.push(`<${element.localName} lang=${lang}> “${text.slice(0, 40)}”`);
      }
    }
    for (const element of column.querySelectorAll('[aria-label], [alt], [title]')) {
      for (const name of ['aria-label', 'alt', 'title']) {
        const value = element.getAttribute(name);
        if (value && isForeign(value, nearestLang(element))) problems.push(`${name}: “${value.slice(0, 60)}”`);
      }
    }
    for (const link of column.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const target = new URL(link.href);
      if (target.origin === location.origin && !target.pathname.startsWith(`${base}${code}/`) && target.pathname !== location.pathname) {
        problems.push(`link to ${target.pathname}${target.hash}`);
      }
    }
    return { column: `row ${Math.floor(index / 2) + 1}, ${columnLang}`, problems };
  });
}

describe('parallel views', () => {
  for (const pageLang of ['zh', 'en'] as const) {
    test(`each column of every ${pageLang} parallel view is wholly in its own language: text, figures, timelines, tables, notes and links`, async () => {
      const page = await browser().newPage();
      for (const slug of SECTION_SLUGS) {
        const path = `${pageLang}/${slug}/parallel/`;
        await page.goto(new URL(path, siteUrl).href);
        const columns = await page.evaluate(foreignInColumns, new URL(siteUrl).pathname);
        // Both languages, in every row: a column that lost its lang would not be checked at all.
        expect(columns.filter((column) => column.column.endsWith('zh-CN')).length, path).toBeGreaterThan(0);
        expect(columns.filter((column) => column.column.endsWith(', en')).length, path).toBe(columns.length / 2);
        expect(
          columns.filter((column) => column.problems.length > 0),
          path,
        ).toEqual([]);
      }
      await page.close();
    });
  }
});
