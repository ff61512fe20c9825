import type { Element } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { HTML_LANG, useTranslations } from '../../i18n/utils';
import { bookContents, contentsDepth, editionLangs, PAIRED_ID_SUFFIX, type Book, type Chapter, type ContentsEntry } from './book';
import { printCss } from './styles';

/** A chapter's anchor inside the one printed document, which is also the name of its page style. */
const chapterAnchor = (id: string) => `chapter-${id}`;

/** A book link ("glossary.xhtml#term-x") as a link inside the one printed document. */
function printHref(href: string): string {
  const match = /^([\w-]+)\.xhtml(?:#(.*))?$/.exec(href);
  if (!match) return href;
  return `#${match[2] ?? chapterAnchor(match[1] ?? '')}`;
}

const CJK = /[\u2E80-\uFFEF]/;

/**
 * A running head that fits on one line: about 100 Latin letters, a CJK character counting as two.
 * A longer one ends in "…", after the last whole word where it is cut in Latin text.
 */
export function runningHead(text: string, room = 100): string {
  let width = 0;
  const chars = [...text];
  for (const [index, char] of chars.entries()) {
    width += charWidth(char);
    if (width <= room) continue;
    const kept = chars.slice(0, index).join('');
    return `${(CJK.test(char) ? kept : kept.replace(/\s+\S*$/, '')).trimEnd()}…`;
  }
  return text;
}

const charWidth = (char: string) => (CJK.test(char) ? 2 : 1);

/**
 * Running heads that share the line (the bilingual book's Chinese one at the left, its English one
 * at the right), with a few letters' gap between them: the shorter keeps all it needs of its share,
 * the other has the rest, and each is cut as runningHead cuts it.
 */
export function runningHeads(texts: string[], room = 100, gap = 4): string[] {
  const widths = texts.map((text) => [...text].reduce((sum, char) => sum + charWidth(char), 0));
  const rooms: number[] = [];
  let left = room - gap * (texts.length - 1);
  const byWidth = [...widths.keys()].sort((a, b) => (widths[a] ?? 0) - (widths[b] ?? 0));
  for (const [done, index] of byWidth.entries()) {
    rooms[index] = Math.min(widths[index] ?? 0, Math.floor(left / (texts.length - done)));
    left -= rooms[index];
  }
  return texts.map((text, index) => runningHead(text, rooms[index]));
}

/** The contents page's entries: the book's contents after the title page, which the contents page follows. */
function contentsEntries(book: Book): ContentsEntry[] {
  const [titlePage] = book.chapters;
  return bookContents(book).filter((entry) => entry.chapter !== titlePage?.id);
}

/** The id an entry links to in the one printed document. */
const entryTarget = (entry: ContentsEntry) => entry.fragment ?? chapterAnchor(entry.chapter);

/** The ids the contents page links to, in its order. */
export function contentsTargets(book: Book): string[] {
  const targets = (entries: ContentsEntry[]): string[] => entries.flatMap((entry) => [entryTarget(entry), ...targets(entry.children)]);
  return targets(contentsEntries(book));
}

/**
 * What went wrong in numbering the contents page, if anything.
 * @param draft the page of each link target in the print without numbers
 * @param printed the same in the print with them
 * @returns targets the first print has no page for, or that writing the numbers moved to another page
 */
export function contentsNumberingProblems(
  targets: readonly string[],
  draft: ReadonlyMap<string, number>,
  printed: ReadonlyMap<string, number>,
): string[] {
  const unplaced = targets.filter((target) => !draft.has(target));
  const moved = targets.filter((target) => draft.has(target) && printed.get(target) !== draft.get(target));
  return [
    ...(unplaced.length ? [`Chromium printed no link target for the contents entries #${unplaced.join(', #')}`] : []),
    ...(moved.length
      ? [
          `writing the page numbers on the contents page moved #${moved.join(', #')} to other pages: the numbers' column must be as wide with numbers as without (src/lib/downloads/styles.ts)`,
        ]
      : []),
  ];
}

/**
 * A chapter for the one printed document, its headings given the levels of its place in the
 * contents (aria-level, which Chromium's PDF outline follows): the page of 3.2 is a chapter of the
 * book, but its title sits under 3 and 3.2.1's under it. The chapter's top heading (its h1, or its
 * first h2 where the page has no h1 of its own) takes the chapter's depth; the rest keep their
 * distance. In the bilingual book a translated heading sits one level under its original, so that
 * each bookmark of the original holds its translation's and the next sections stay beside them.
 */
function printedChapter(chapter: Chapter): Element {
  const section = h('section', { className: ['chapter'], id: chapterAnchor(chapter.id) }, structuredClone(chapter.body));
  const headings: { node: Element; level: number }[] = [];
  visit(section, 'element', (node: Element) => {
    const level = headingRank(node);
    if (level) headings.push({ node, level });
  });
  if (!headings.length) return section;
  const shift = contentsDepth(chapter.number, 1) - Math.min(...headings.map(({ level }) => level));
  for (const { node, level } of headings) {
    // The bilingual book's translation: its blocks carry lang="en", its ids the suffix.
    const translated = node.properties.lang === HTML_LANG.en || String(node.properties.id ?? '').endsWith(PAIRED_ID_SUFFIX) ? 1 : 0;
    if (shift || translated) node.properties.ariaLevel = level + shift + translated;
  }
  return section;
}

/**
 * The print page of a book, for Chromium to print as the PDF: the title page, a contents page that
 * links to every chapter and subsection, then each chapter on its own named page, whose running
 * head gives the short title and the chapter.
 * @param pages the page each contents entry's target is printed on (from a first print without
 *   them: their column has the same width either way, so adding them moves nothing)
 */
export function printDocument(book: Book, pages: ReadonlyMap<string, number> = new Map()): string {
  const lang = book.edition === 'en' ? 'en' : 'zh';
  const t = useTranslations(lang);
  const [titlePage, ...chapters] = book.chapters;
  const list = (entries: ContentsEntry[]): Element =>
    h(
      'ol',
      entries.map((entry) =>
        h('li', [
          h('a', { href: `#${entryTarget(entry)}` }, [
            h('span', { className: ['toc-title'] }, entry.title),
            h('span', { className: ['toc-page'] }, String(pages.get(entryTarget(entry)) ?? '')),
          ]),
          entry.children.length ? list(entry.children) : undefined,
        ]),
      ),
    );
  const contents = h('nav', { className: ['toc', 'chapter'], id: chapterAnchor('contents') }, [
    h('h1', t('nav.contents')),
    list(contentsEntries(book)),
  ]);
  // Copies: the links and headings change here, and the same chapters also make the EPUB.
  const sections = chapters.map(printedChapter);
  const body = h('body', [h('section', { id: chapterAnchor('title') }, structuredClone(titlePage?.body ?? [])), contents, ...sections]);
  visit(body, 'element', (node: Element) => {
    if (node.tagName === 'a' && typeof node.properties.href === 'string') node.properties.href = printHref(node.properties.href);
  });
  // One head per language of the book.
  const langs = editionLangs(book.edition);
  const heads = chapters.map((chapter) => ({
    anchor: chapterAnchor(chapter.id),
    heads: runningHeads(
      langs.map((headLang, index) => `${useTranslations(headLang)('site.title')} · ${chapter.titles[index] ?? chapter.title}`),
    ),
  }));
  const document = h('html', { lang: book.languages[0] }, [
    h('head', [h('meta', { charSet: 'utf-8' }), h('title', book.title), h('style', printCss(heads))]),
    body,
  ]);
  return `<!doctype html>\n${toHtml(document)}`;
}
