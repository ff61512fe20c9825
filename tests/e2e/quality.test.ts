import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';
import { ALL_SLUGS } from '../fixtures/contract';
import {
  addAxe,
  AXE_THEMES,
  axeViolations,
  recordForeignRequests,
  scrollingTables,
  sidewaysScroll,
  useBrowser,
  type AxeTheme,
} from './browser';
import { brokenLinks, htmlFiles } from './link-checker';

const siteUrl = inject('siteUrl');
/** Text and the elements that run on inside a line (phrasing content), where a missing space shows. */
const PHRASING = new Set(['a', 'abbr', 'b', 'bdi', 'cite', 'em', 'i', 'mark', 'q', 'small', 'span', 'strong', 'sub', 'sup', 'time']);
const inline = (node: RootContent) =>
  node.type === 'text' || (node.type === 'element' && PHRASING.has(node.tagName) && node.properties['ariaHidden'] !== 'true');
const distDir = inject('distDir');
const pages = ['', '404.html', ...(['zh', 'en'] as const).flatMap((lang) => ALL_SLUGS.map((slug) => `${lang}/${slug ? `${slug}/` : ''}`))];
const browser = useBrowser();

let parsed: { file: string; tree: Root }[] | undefined;
/** Every built page, parsed once for the checks that read its text (Pagefind's own files aside). */
async function parsedPages() {
  parsed ??= (await htmlFiles(distDir))
    .filter((file) => !file.startsWith('pagefind/'))
    .map((file) => ({ file, tree: fromHtml(readFileSync(join(distDir, file), 'utf8')) }));
  return parsed;
}

/** The English pages among them, every contract page at least. */
async function englishPages() {
  const english = (await parsedPages()).filter(({ file }) => file.startsWith('en/'));
  expect(english.length).toBeGreaterThanOrEqual(ALL_SLUGS.length);
  return english;
}

/** Elements whose text is not prose the reader reads as such. */
const NOT_PROSE = ['code', 'pre', 'script', 'style', 'template'];

/**
 * Runs axe on each page in turn, in the given themes, in one renderer; also records foreign
 * requests, CSP refusals, pages wider than the window and tables wider than their box.
 */
async function checkPages(paths: readonly string[], themes: readonly AxeTheme[], viewport = { width: 1280, height: 720 }) {
  const context = await browser().newContext({ viewport });
  await addAxe(context);
  const page = await context.newPage();
  const foreign = recordForeignRequests(page, siteUrl);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`CSP ${page.url()}: ${message.text()}`);
  });
  for (const path of paths) {
    // Requests are recorded from navigation until axe has finished, so a late one is still seen.
    await page.goto(new URL(path, siteUrl).href);
    violations.push(...(await axeViolations(page, themes)));
    const sideways = await sidewaysScroll(page);
    if (sideways) violations.push(sideways);
    violations.push(...(await scrollingTables(page)));
  }
  await context.close();
  return { violations, foreign };
}

describe('quality gates', () => {
  test('axe finds no accessibility violation on any page in either theme; no page scrolls sideways nor any table inside its box, requests anything from another host or has anything refused by its CSP', async () => {
    // Two halves of the pages side by side, each in its own renderer process: the machine has two cores.
    const half = Math.ceil(pages.length / 2);
    const results = await Promise.all([checkPages(pages.slice(0, half), AXE_THEMES), checkPages(pages.slice(half), AXE_THEMES)]);
    expect(results.flatMap((result) => result.violations)).toEqual([]);
    expect(results.flatMap((result) => result.foreign)).toEqual([]);
  }, 300_000);

  test('on a phone, axe finds no violation on the pages with something that can scroll sideways (formulas, tables)', async () => {
    // What is wide enough to scroll on a phone fits on a desktop, where the test above looks.
    const scrolling = pages.filter((path) =>
      /class="(katex-display|table-scroll)"/.test(readFileSync(join(distDir, path.endsWith('.html') ? path : `${path}index.html`), 'utf8')),
    );
    expect(scrolling.length).toBeGreaterThanOrEqual(4);
    const { violations } = await checkPages(scrolling, AXE_THEMES.slice(0, 1), { width: 360, height: 800 });
    expect(violations).toEqual([]);
  }, 120_000);

  test('on every English page, every Chinese word is in an element that says lang="zh-CN" (code aside)', async () => {
    const unmarked: string[] = [];
    const walk = (node: Root | Element, file: string, lang: string) => {
      for (const child of node.children) {
        if (child.type === 'element' && !NOT_PROSE.includes(child.tagName)) {
          walk(child, file, typeof child.properties['lang'] === 'string' ? child.properties['lang'] : lang);
        } else if (child.type === 'text' && lang !== 'zh-CN' && /\p{Script=Han}/u.test(child.value)) {
          unmarked.push(`${file}: ${child.value.trim().slice(0, 40)}`);
        }
      }
    };
    for (const { file, tree } of await englishPages()) walk(tree, file, 'en');
    expect(unmarked).toEqual([]);
  });

  test('on every English page, no sentence, label or word runs into the next across a link or span', async () => {
    const runOn: string[] = [];
    const walk = (node: Root | Element, file: string) => {
      for (const [index, left] of node.children.entries()) {
        const right = node.children[index + 1];
        if (right && inline(left) && inline(right) && (left.type === 'element' || right.type === 'element')) {
          const [before, after] = [toString(left), toString(right)];
          // A sentence's or label's end before the next word, or two links' words, with no space between.
          const glued = /[\p{L}\d’”)\]%][.!?:]$/u.test(before)
            ? /^[A-Za-z\d]/.test(after)
            : left.type === 'element' && right.type === 'element' && /\p{L}$/u.test(before) && /^[A-Za-z]/.test(after);
          if (glued) runOn.push(`${file}: …${before.slice(-30)}|${after.slice(0, 20)}…`);
        }
        if (left.type === 'element' && ![...NOT_PROSE, 'svg'].includes(left.tagName)) walk(left, file);
      }
    };
    for (const { file, tree } of await englishPages()) walk(tree, file);
    expect(runOn).toEqual([]);
  });

  test('no block of text to copy (BibTeX, CSL-JSON) on any page begins or ends with blank space, which a copy would carry', async () => {
    const blocks: { file: string; text: string }[] = [];
    for (const { file, tree } of await parsedPages())
      visit(tree, 'element', (element) => {
        if (element.tagName === 'pre') blocks.push({ file, text: toString(element) });
      });
    expect(blocks.length).toBeGreaterThan(0);
    expect(
      blocks.filter(({ text }) => text !== text.trim()).map(({ file, text }) => `${file}: ${JSON.stringify(text.slice(0, 40))}`),
    ).toEqual([]);
  });

  test('every built page is valid HTML', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // KaTeX positions glyphs with style attributes; the CSP allows them (style-src-attr) and nothing else inline.
        'no-inline-style': 'off',
        // Page titles are the paper's own section titles, some longer than 70 characters.
        'long-title': 'off',
        // Astro writes a void element as <wbr> from templates and optimised MDX but as <wbr/> from
        // MDX it renders through JSX (astro/dist/runtime/server/jsx.js): both are valid HTML,
        // which the Nu HTML Checker (nu-html.test.ts) confirms.
        'void-style': 'off',
      },
    });
    const problems: string[] = [];
    for (const file of await htmlFiles(distDir)) {
      if (file.startsWith('pagefind/')) continue;
      const report = await validator.validateFile(join(distDir, file));
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('every internal link, anchor and asset resolves', async () => {
    expect(await brokenLinks(distDir, '/')).toEqual([]);
  });
});
