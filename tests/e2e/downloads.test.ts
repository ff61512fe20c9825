import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { describe, expect, inject, test } from 'vitest';
import { jobResult } from './background';
import { makeBook } from '../../src/lib/downloads/book';
import { printDocument } from '../../src/lib/downloads/print';
import { useBrowser } from './browser';

const dist = inject('distDir');
const siteUrl = inject('siteUrl');
const browser = useBrowser();
const EDITIONS = ['zh', 'en', 'zh-en'] as const;
const HTML_LANG = { zh: 'zh-CN', en: 'en' } as const;

interface Section {
  number: string;
  titles: Record<'zh' | 'en', string>;
  paths: Record<'zh' | 'en', string>;
  paragraphs: string[];
}
const sections = (JSON.parse(readFileSync(join(dist, 'sections.json'), 'utf8')) as { sections: Section[] }).sections;
const paragraphIds = sections.flatMap((section) => section.paragraphs);

/**
 * A paragraph's words without KaTeX's visual copy, the site's controls inside it (marked, as for
 * search, data-pagefind-ignore: the link to the other language) and white space, as both a book
 * and pdftotext give them.
 */
function textOf(node: Element): string {
  const copy = structuredClone(node);
  visit(copy, 'element', (child, index, parent) => {
    const classes = child.properties.className ?? [];
    const dropped = classes.includes('katex-html') || child.tagName === 'annotation' || child.properties.dataPagefindIgnore !== undefined;
    if (parent && index !== undefined && dropped) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  return toString(copy).replace(/\s+/g, '');
}

/** Every paper paragraph (`p.para` with an id) of some HTML, in document order. */
function paragraphsOf(html: string): { id: string; lang: string | undefined; text: string }[] {
  const found: { id: string; lang: string | undefined; text: string }[] = [];
  visit(fromHtml(html), 'element', (node, _index, parent) => {
    const classes = node.properties.className ?? [];
    if (node.tagName === 'p' && classes.includes('para') && typeof node.properties.id === 'string') {
      const lang = node.properties.lang ?? (parent?.type === 'element' ? parent.properties.lang : undefined);
      found.push({ id: node.properties.id, lang: typeof lang === 'string' ? lang : undefined, text: textOf(node) });
    }
  });
  return found;
}

/** The site's own text of every paper paragraph in one language, from its built section pages. */
function siteParagraphs(lang: 'zh' | 'en'): Map<string, string> {
  const pages = [...new Set(sections.map((section) => section.paths[lang]))];
  return new Map(
    pages.flatMap((path) => paragraphsOf(readFileSync(join(dist, path, 'index.html'), 'utf8')).map(({ id, text }) => [id, text] as const)),
  );
}
const site = { zh: siteParagraphs('zh'), en: siteParagraphs('en') };

/** An element's element children. */
const elementsOf = (element: Element) => element.children.filter((child): child is Element => child.type === 'element');

/**
 * The lists in a book chapter whose items the site's stylesheet spaces apart: places, related
 * concepts, glossary headwords, references, each timeline entry with its places, and each bar of
 * the key figures' chart (its label, then its value).
 */
function spacedLists(node: Element): Element[] {
  const classes = node.properties.className ?? [];
  if (classes.includes('bars')) return elementsOf(node);
  if (classes.includes('timeline')) {
    const entries = elementsOf(node).flatMap((child) => (child.tagName === 'ol' ? elementsOf(child) : []));
    return entries.flatMap((entry) => [entry, ...elementsOf(entry)]);
  }
  const isList =
    ['places', 'related'].some((list) => classes.includes(list)) ||
    (node.tagName === 'dt' && classes.length === 0) ||
    String(node.properties['id'] ?? '').startsWith('ref-');
  return isList ? [node] : [];
}

describe('the EPUB books', () => {
  test.each(EDITIONS)(
    'EPUBCheck reports no error and no warning on paper.%s.epub',
    async (edition) => {
      // Run in the background by the global setup, as soon as the suite's build is there: each
      // book's report stands between a line naming it and one giving its status; its messages
      // (on stderr) name its file.
      const { stdout, stderr } = await jobResult('epubcheck');
      const book = join(dist, 'downloads', `paper.${edition}.epub`);
      const report = stdout.slice(stdout.indexOf(`EPUBCheck of ${book}\n`), stdout.indexOf(`EPUBCheck status of ${book}:`));
      expect(report, stderr).toMatch(/No errors or warnings detected\.\nMessages: 0 fatals \/ 0 errors \/ 0 warnings/);
      expect(stdout, stderr).toContain(`EPUBCheck status of ${book}: 0\n`);
    },
    120_000,
  );

  test.each(EDITIONS)('paper.%s.epub holds every paper paragraph, in reading order, in its language', (edition) => {
    const files = unzipSync(readFileSync(join(dist, 'downloads', `paper.${edition}.epub`)));
    const opf = strFromU8(files['EPUB/package.opf'] ?? new Uint8Array());
    const spine = [...opf.matchAll(/<itemref idref="c-([\w-]+)"/g)].map((match) => match[1]);
    const found = spine.flatMap((chapter) => paragraphsOf(strFromU8(files[`EPUB/${chapter}.xhtml`] ?? new Uint8Array())));
    const langs = edition === 'zh-en' ? (['zh', 'en'] as const) : ([edition] as const);
    // The bilingual book: each paragraph of the original, then its translation, each with its own lang.
    const expected = paragraphIds.flatMap((id) =>
      langs.map((lang) => ({
        id: lang === 'en' && edition === 'zh-en' ? `${id}-en` : id,
        lang: HTML_LANG[lang],
        text: site[lang].get(id),
      })),
    );
    expect(found.map(({ id, lang, text }) => ({ id, lang: lang ?? HTML_LANG[langs[0]], text }))).toEqual(expected);
    expect(opf).toContain(`<dc:language>${HTML_LANG[langs[0]]}</dc:language>`);
  });

  test.each(EDITIONS)(
    'paper.%s.epub keeps the paper’s facts in its about chapter, not what only the site can do, and the words of its lists apart without the site’s stylesheet',
    (edition) => {
      const files = unzipSync(readFileSync(join(dist, 'downloads', `paper.${edition}.epub`)));
      const chapters = Object.entries(files).filter(([name]) => name.endsWith('.xhtml'));
      const about = chapters.filter(([name]) => name.includes('about')).map(([, data]) => strFromU8(data));
      // The facts' list (dl.about-facts) with its terms: the books had dropped it whole.
      expect(about.join('')).toMatch(/class="meta-list about-facts"[\s\S]*<dt[^>]*>[^<]+<\/dt>/);
      // What content marks as the site's only (<SiteOnly>: the course section's buttons and files) stays on the site.
      expect(readFileSync(join(dist, 'en/about/index.html'), 'utf8')).toContain('id="using-this-site-in-your-course"');
      expect(about.join('')).not.toMatch(/using-this-site-in-your-course|course-files/);
      // Each item's text must end before the next begins ("Cited in§2.1 ¶1", "April 2010Xiaomi…" before).
      const joined: string[] = [];
      for (const [name, data] of chapters) {
        visit(fromHtml(strFromU8(data)), 'element', (node: Element) => {
          const lists = spacedLists(node);
          for (const list of lists) {
            const parts = elementsOf(list).map((child) => toString(child).trim());
            const text = toString(list);
            for (let index = 1; index < parts.length; index++) {
              const pair = `${parts[index - 1]}${parts[index]}`;
              if (parts[index - 1] && parts[index] && text.includes(pair)) joined.push(`${name}: ${pair.slice(0, 60)}`);
            }
          }
          return lists.length ? SKIP : undefined;
        });
      }
      expect(joined).toEqual([]);
    },
  );
});

const pdfTexts = new Map<string, readonly string[]>();
/**
 * pdftotext's text of a printed book, page by page, within a band of the A4 page (595 × 842 pt);
 * with `layout`, each line as printed (an entry of the contents with its page number). Read once
 * for the tests that share it.
 */
function pdfText(edition: (typeof EDITIONS)[number], y: number, height: number, layout = false): readonly string[] {
  const pdf = join(dist, 'downloads', `paper.${edition}.pdf`);
  const band = ['-x', '0', '-y', String(y), '-W', '595', '-H', String(height)];
  const args = [...(layout ? ['-layout'] : []), ...band, pdf, '-'];
  const key = args.join(' ');
  let pages = pdfTexts.get(key);
  if (!pages) {
    pages = execFileSync('pdftotext', args, { encoding: 'utf8' })
      .split('\f')
      .slice(0, -1)
      .map((page) => page.trim());
    pdfTexts.set(key, pages);
  }
  return pages;
}
/** The running head is in the top margin, the page number in the bottom one. */
const [HEAD, BODY, FOOT] = [
  [0, 55],
  [55, 730],
  [785, 57],
] as const;
/** Text as pdftotext and the site give it alike: a word broken at a hyphen is joined, lines run on. */
const squeezed = (text: string) => text.replace(/[\s\-‐]+/g, '');

describe('the PDFs', () => {
  test.each(EDITIONS)('paper.%s.pdf has a contents page, page numbers, and every paragraph of its languages as text', (edition) => {
    const heads = pdfText(edition, ...HEAD);
    const body = pdfText(edition, ...BODY);
    expect(body.length).toBeGreaterThan(10);
    expect(body.some((page) => /^(目录|Contents)$/m.test(page))).toBe(true);
    expect(pdfText(edition, ...FOOT)).toEqual(body.map((_, index) => String(index + 1)));
    const langs = edition === 'zh-en' ? (['zh', 'en'] as const) : ([edition] as const);
    // Every chapter's pages (all but the title and contents pages) carry the short title and the
    // chapter in each language of the book, and only those.
    const headIn = { zh: /价值共创与小米 · \S/, en: /Value Co-Creation and Xiaomi · \S/ };
    for (const lang of ['zh', 'en'] as const) {
      const pagesWithHead = heads.filter((head) => headIn[lang].test(head)).length;
      if ((langs as readonly string[]).includes(lang)) expect(pagesWithHead, lang).toBeGreaterThan(body.length - 5);
      else expect(pagesWithHead, lang).toBe(0);
    }
    const text = squeezed(body.join(''));
    const missing = langs.flatMap((lang) =>
      paragraphIds.filter((id) => !text.includes(squeezed(site[lang].get(id) ?? '∅'))).map((id) => `${lang} ${id}`),
    );
    expect(missing).toEqual([]);
  });

  test('the PDFs never split a place in the paper ("3.2.3 节第 3 段", "§3.2.3 ¶3") over two lines', () => {
    // The bilingual PDF has both languages' tables and lists.
    const lines = pdfText('zh-en', ...BODY, true).flatMap((page) => page.split('\n').map((line) => line.trimEnd()));
    expect(lines.filter((line) => /(\d 节第 \d+|§\d[\d.]*)$/.test(line))).toEqual([]);
  });

  test('the print page of the PDFs clips nothing and leaves no heading a stub of a last line', async () => {
    // The bilingual book holds everything the other two do; the page is as wide as A4's text (170 mm).
    const book = makeBook('zh-en', { dir: dist, base: '/', url: inject('canonicalBase') });
    const page = await browser().newPage({ viewport: { width: 643, height: 900 } });
    try {
      await page.emulateMedia({ media: 'print' });
      await page.setContent(printDocument(book), { waitUntil: 'load' });
      const clipped = await page.evaluate(() =>
        [...document.body.querySelectorAll('*')]
          .filter((element) => {
            const style = getComputedStyle(element);
            // A box that scrolls on screen cuts off in print (the leaders' deliberate overflow: hidden aside).
            if (![style.overflowX, style.overflowY].some((value) => value === 'auto' || value === 'scroll')) return false;
            return element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
          })
          .map(
            (element) =>
              `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className}: ${element.textContent?.slice(0, 40)}`,
          ),
      );
      expect(clipped).toEqual([]);
      // A heading's lines, as the rectangles of its text grouped by line: the last at least a quarter of the first.
      const stubs = await page.evaluate(() =>
        [...document.querySelectorAll('h1, h2, h3')].flatMap((heading) => {
          const range = document.createRange();
          range.selectNodeContents(heading);
          const lines = new Map<number, number>();
          for (const rect of range.getClientRects()) lines.set(Math.round(rect.top), (lines.get(Math.round(rect.top)) ?? 0) + rect.width);
          const widths = [...lines.values()];
          return widths.length > 1 && (widths.at(-1) ?? 0) < (widths[0] ?? 0) / 4 ? [heading.textContent ?? ''] : [];
        }),
      );
      expect(stubs).toEqual([]);
      // Chinese paragraphs open with a two-character indent, English ones without.
      const indents = await page.evaluate(() =>
        ['zh-CN', 'en'].map((lang) => {
          const paragraph = document.querySelector(`p.para:lang(${lang})`);
          return paragraph ? parseFloat(getComputedStyle(paragraph).textIndent) / parseFloat(getComputedStyle(paragraph).fontSize) : -1;
        }),
      );
      expect(indents).toEqual([2, 0]);
    } finally {
      await page.close();
    }
  });

  test.each(EDITIONS)('the contents page of paper.%s.pdf gives the page on which each chapter and section begins', (edition) => {
    const body = pdfText(edition, ...BODY);
    const contentsPage = body.findIndex((page) => /^(目录|Contents)$/m.test(page));
    // An entry ends in dot leaders and its page number; a long title runs over lines before that.
    const entries: { title: string; page: number }[] = [];
    let pending = '';
    // A title that wraps hangs its later lines to the right of its first one's start.
    let firstIndent = 0;
    const unhung: string[] = [];
    for (const line of (pdfText(edition, ...BODY, true)[contentsPage] ?? '').split('\n').slice(1)) {
      if (!line.trim()) continue;
      const indent = line.length - line.trimStart().length;
      if (!pending) firstIndent = indent;
      else if (indent <= firstIndent) unhung.push(line.trim());
      const end = /^(.*?)[\s.]*\s(\d+)$/.exec(line.trim());
      if (end) {
        entries.push({ title: `${pending} ${end[1] ?? ''}`.trim(), page: Number(end[2]) });
        pending = '';
      } else pending = `${pending} ${line.trim()}`.trim();
    }
    expect(pending).toBe('');
    expect(unhung).toEqual([]);
    // The same entries as the book's navigation, less its title page.
    const nav = strFromU8(unzipSync(readFileSync(join(dist, 'downloads', `paper.${edition}.epub`)))['EPUB/nav.xhtml'] ?? new Uint8Array());
    const navTitles: string[] = [];
    visit(fromHtml(nav), 'element', (node) => {
      if (node.tagName === 'a') navTitles.push(squeezed(toString(node)));
    });
    expect(entries.map(({ title }) => squeezed(title))).toEqual(navTitles.slice(1));
    // A line of the page the entry gives begins its heading (a bilingual chapter begins with its
    // Chinese heading: the entry is "中文 · English").
    const misplaced = entries.filter(({ title, page }) => {
      const lines = (body[page - 1] ?? '').split('\n');
      const heading = squeezed(title.split(' · ')[0] ?? '');
      return page <= contentsPage + 1 || !lines.some((_, index) => squeezed(lines.slice(index).join('')).startsWith(heading));
    });
    expect(misplaced).toEqual([]);
  });
});

/**
 * The numbered entries of a nested list, each with how deep it sits: the EPUB's navigation (ol
 * and a) or a PDF's outline as pdftohtml writes it (outline and item).
 */
function numberedEntries(markup: string, list: string, entry: string): { at: string; text: string }[] {
  let depth = 0;
  const found: { at: string; text: string }[] = [];
  for (const match of markup.matchAll(new RegExp(`<${list}>|</${list}>|<${entry}[^>]*>(.*?)</${entry}>`, 'gs'))) {
    if (match[0] === `<${list}>`) depth++;
    else if (match[0] === `</${list}>`) depth--;
    else {
      const text = (match[1] ?? '').replace(/<[^>]+>/g, '');
      const number = /^(\d+(?:\.\d+)*)\.\s/.exec(text)?.[1];
      if (number) found.push({ at: `${number} at ${depth}`, text });
    }
  }
  return found;
}

describe('the books’ contents', () => {
  test.each(EDITIONS)('paper.%s.epub uses each id once in the whole book, as the PDF prints every chapter in one document', (edition) => {
    const files = unzipSync(readFileSync(join(dist, 'downloads', `paper.${edition}.epub`)));
    const ids = Object.entries(files)
      .filter(([name]) => name.endsWith('.xhtml') && !name.endsWith('nav.xhtml'))
      .flatMap(([name, data]) => [...strFromU8(data).matchAll(/\sid="([^"]+)"/g)].map((match) => `${match[1]} (${name})`));
    const seen = new Map<string, string>();
    const repeated = ids.filter((entry) => {
      const id = entry.split(' ')[0] ?? '';
      const again = seen.has(id);
      seen.set(id, entry);
      return again;
    });
    expect(repeated).toEqual([]);
    if (edition !== 'zh-en') return;
    // The bilingual front matter: the abstract and the keywords, each followed by its translation.
    const front = strFromU8(files['EPUB/front.xhtml'] ?? new Uint8Array());
    const sections = [...front.matchAll(/<section id="([^"]+)"/g)].map((match) => match[1]);
    expect(sections).toEqual(['abstract', 'abstract-en', 'keywords', 'keywords-en']);
  });

  test.each(EDITIONS)(
    'the navigation of paper.%s.epub and the outline of its PDF nest each section under the one it belongs to',
    (edition) => {
      const nav = strFromU8(
        unzipSync(readFileSync(join(dist, 'downloads', `paper.${edition}.epub`)))['EPUB/nav.xhtml'] ?? new Uint8Array(),
      );
      const pdf = join(dist, 'downloads', `paper.${edition}.pdf`);
      const outline = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-l', '1', '-stdout', pdf], { encoding: 'utf8' });
      const langs = edition === 'zh-en' ? (['zh', 'en'] as const) : ([edition] as const);
      // Depth 1 is the top of the list: "3" there, "3.2" under it, "3.2.1" under that.
      const at = ({ number }: Section) => `${number} at ${number.split('.').length}`;
      // The bilingual book names each section in both languages.
      const title = (section: Section, lang: 'zh' | 'en') => `${section.number}. ${section.titles[lang]}`;
      expect(numberedEntries(nav, 'ol', 'a')).toEqual(
        sections.map((section) => ({ at: at(section), text: langs.map((lang) => title(section, lang)).join(' · ') })),
      );
      // The PDF's bookmarks are its headings, with the words apart where a title wraps; in the
      // bilingual book each original's holds its translation's, one level down.
      const depth = (section: Section, index: number) => `${section.number} at ${section.number.split('.').length + index}`;
      expect(numberedEntries(outline, 'outline', 'item')).toEqual(
        sections.flatMap((section) => langs.map((lang, index) => ({ at: depth(section, index), text: title(section, lang) }))),
      );
    },
  );
});

describe('the downloads page', () => {
  test.each(['zh', 'en'] as const)('/%s/downloads/ lists every file under /downloads/ with its size', (lang) => {
    const html = readFileSync(join(dist, lang, 'downloads', 'index.html'), 'utf8');
    const links = [...html.matchAll(/<a href="\/downloads\/([^"]+)"/g)].map((match) => match[1]);
    const files = execFileSync('ls', [join(dist, 'downloads')], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(links.sort()).toEqual(files.sort());
    expect(html).toMatch(/class="size">\d+(\.\d)? [KM]B</);
  });

  test.each([
    ['zh', 360, 'm'],
    ['en', 360, 'm'],
    ['zh', 540, 'xxl'],
    ['en', 540, 'xxl'],
  ] as const)(
    '/%s/downloads/ shows every file whole %i px wide with text size %s, without scrolling sideways',
    async (lang, width, size) => {
      const page = await browser().newPage({ viewport: { width, height: 800 } });
      await page.goto(new URL(`${lang}/downloads/`, siteUrl).href);
      await page.evaluate((textSize) => (document.documentElement.dataset['textSize'] = textSize), size);
      // Nothing reaches past the screen's edge, or past its own box into a sideways scroll.
      const overflowing = await page
        .locator('#download-list, #download-list td')
        .evaluateAll((elements) =>
          elements
            .filter((element) => element.getBoundingClientRect().right > innerWidth || element.scrollWidth > element.clientWidth)
            .map((element) => element.textContent),
        );
      expect(await page.locator('#download-list td').count()).toBeGreaterThan(0);
      expect(overflowing).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
      await page.close();
    },
  );
});
