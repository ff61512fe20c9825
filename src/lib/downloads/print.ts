import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { useTranslations } from '../../i18n/utils';
import { contentsTitle, type Book } from './book';
import { printCss } from './styles';

/** A book link ("glossary.xhtml#term-x") as a link inside the one printed document. */
function printHref(href: string): string {
  const match = /^([\w-]+)\.xhtml(?:#(.*))?$/.exec(href);
  if (!match) return href;
  return `#${match[2] ?? `chapter-${match[1]}`}`;
}

/** A running head that fits on one line: about 100 Latin letters, a CJK character counting as two. */
function runningHead(text: string, room = 100): string {
  let width = 0;
  const chars = [...text];
  for (const [index, char] of chars.entries()) {
    width += /[\u2E80-\uFFEF]/.test(char) ? 2 : 1;
    if (width > room) return `${chars.slice(0, index).join('').trimEnd()}…`;
  }
  return text;
}

/** The ids the contents page links to, in its order: each chapter, then its subsections. */
export function contentsTargets(book: Book): string[] {
  return book.chapters.slice(1).flatMap((chapter) => [`chapter-${chapter.id}`, ...chapter.subheadings.map((sub) => sub.id)]);
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
  const entry = (target: string, title: ElementContent[] | string) =>
    h('a', { href: `#${target}` }, [
      h('span', { className: ['toc-title'] }, title),
      h('span', { className: ['toc-page'] }, String(pages.get(target) ?? '')),
    ]);
  const contents = h('nav', { className: ['toc', 'chapter'], id: 'chapter-contents' }, [
    h('h1', t('nav.contents')),
    h(
      'ol',
      chapters.map((chapter) =>
        h('li', [
          entry(`chapter-${chapter.id}`, contentsTitle(book, chapter)),
          chapter.subheadings.length
            ? h(
                'ol',
                chapter.subheadings.map((sub) => h('li', entry(sub.id, sub.title))),
              )
            : undefined,
        ]),
      ),
    ),
  ]);
  // A copy: the links change here, and the same chapters also make the EPUB.
  const sections = chapters.map((chapter) =>
    h('section', { className: ['chapter'], id: `chapter-${chapter.id}` }, structuredClone(chapter.body)),
  );
  const body = h('body', [h('section', { id: 'chapter-title' }, structuredClone(titlePage?.body ?? [])), contents, ...sections]);
  visit(body, 'element', (node: Element) => {
    if (node.tagName === 'a' && typeof node.properties.href === 'string') node.properties.href = printHref(node.properties.href);
  });
  const heads = chapters.map((chapter) => ({
    id: chapter.id,
    head: runningHead(`${t('site.title')} · ${chapter.titles[0] ?? chapter.title}`),
  }));
  const document = h('html', { lang: book.languages[0] }, [
    h('head', [h('meta', { charSet: 'utf-8' }), h('title', book.title), h('style', printCss(heads))]),
    body,
  ]);
  return `<!doctype html>\n${toHtml(document)}`;
}
