import type { Element, ElementContent } from 'hast';
import { toXast } from 'hast-util-to-xast';
import { h } from 'hastscript';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { useTranslations } from '../../i18n/utils';
import { authorNames, paper } from '../content/paper';
import { bookContents, type Book, type Chapter, type ContentsEntry } from './book';
import { BOOK_CSS } from './styles';

const XML_DECLARATION = { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' } as const;

function xml(tree: ReturnType<typeof x>): string {
  return toXml({ type: 'root', children: [XML_DECLARATION, { type: 'text', value: '\n' }, tree] });
}

/** Whether any element under these nodes has the tag name. */
function contains(nodes: ElementContent[], tagName: string): boolean {
  return nodes.some((node) => node.type === 'element' && (node.tagName === tagName || contains(node.children, tagName)));
}

/** An XHTML content document (EPUB 3): the chapter's body in an html root with the book's stylesheet. */
function chapterXhtml(chapter: Pick<Chapter, 'lang' | 'title' | 'body'>, extraHead: Element[] = []): string {
  const root = h('html', { lang: chapter.lang, xmlLang: chapter.lang }, [
    h('head', [
      h('meta', { charSet: 'utf-8' }),
      h('title', chapter.title),
      h('link', { rel: 'stylesheet', href: 'style.css' }),
      ...extraHead,
    ]),
    h('body', chapter.body),
  ]);
  return toXml([XML_DECLARATION, { type: 'text', value: '\n' }, { type: 'doctype', name: 'html' }, toXast(root)]);
}

/** hast nodes for inside an XHTML tree, without the namespace declaration toXast gives each (the root's holds). */
function inXhtml(nodes: ElementContent[]) {
  return nodes.map((node) => {
    const converted = toXast(node);
    if (converted.type === 'element') delete converted.attributes['xmlns'];
    return converted;
  });
}

/** The navigation document: every chapter and its subsections. */
function navXhtml(book: Book): string {
  const lang = book.languages[0] ?? 'en';
  const t = useTranslations(book.edition === 'en' ? 'en' : 'zh');
  const list = (entries: ContentsEntry[]): ReturnType<typeof x> =>
    x(
      'ol',
      entries.map((entry) =>
        x('li', [
          x(
            'a',
            { href: `${entry.chapter}.xhtml${entry.fragment ? `#${entry.fragment}` : ''}` },
            typeof entry.title === 'string' ? entry.title : inXhtml(entry.title),
          ),
          ...(entry.children.length ? [list(entry.children)] : []),
        ]),
      ),
    );
  const tree = x('html', { xmlns: 'http://www.w3.org/1999/xhtml', 'xmlns:epub': 'http://www.idpf.org/2007/ops', lang, 'xml:lang': lang }, [
    x('head', [x('meta', { charset: 'utf-8' }), x('title', t('nav.contents')), x('link', { rel: 'stylesheet', href: 'style.css' })]),
    x('body', [x('nav', { 'epub:type': 'toc', id: 'toc' }, [x('h1', t('nav.contents')), list(bookContents(book))])]),
  ]);
  return toXml({ type: 'root', children: [XML_DECLARATION, { type: 'text', value: '\n' }, { type: 'doctype', name: 'html' }, tree] });
}

/** The package document: metadata (Dublin Core, the translator's role), manifest and reading order. */
function packageOpf(book: Book, identifier: string, modified: Date): string {
  const lang = book.languages[0] ?? 'en';
  const langs = book.edition === 'zh-en' ? (['zh', 'en'] as const) : ([book.edition] as const);
  const t = useTranslations(langs[0]);
  const translated = book.edition !== 'zh';
  const properties = (chapter: Chapter) =>
    [contains(chapter.body, 'svg') && 'svg', contains(chapter.body, 'math') && 'mathml'].filter(Boolean).join(' ');
  const metadata = x('metadata', { 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' }, [
    x('dc:identifier', { id: 'uid' }, identifier),
    x('dc:title', book.title),
    ...book.languages.map((language) => x('dc:language', language)),
    ...paper.authors.map((author, index) => x('dc:creator', { id: `author-${index + 1}` }, langs.map((one) => author[one]).join(' / '))),
    ...(translated
      ? [
          x('dc:contributor', { id: 'translator' }, t('site.title')),
          x('meta', { refines: '#translator', property: 'role', scheme: 'marc:relators' }, 'trl'),
        ]
      : []),
    x('dc:publisher', t('site.title')),
    x('dc:source', `${authorNames(langs[0])}. ${paper.title[langs[0]]}. ${paper.publisher}, ${paper.published.slice(0, 4)}.`),
    x('dc:date', paper.published),
    x('dc:rights', `${paper.copyright} ${paper.license.title}, ${paper.license.url}. ${t('downloads.bookCredit')}`),
    x('meta', { property: 'dcterms:modified' }, `${modified.toISOString().slice(0, 19)}Z`),
  ]);
  const manifest = x('manifest', [
    x('item', { id: 'nav', href: 'nav.xhtml', 'media-type': 'application/xhtml+xml', properties: 'nav' }),
    x('item', { id: 'style', href: 'style.css', 'media-type': 'text/css' }),
    ...book.chapters.map((chapter) =>
      x('item', {
        id: `c-${chapter.id}`,
        href: `${chapter.id}.xhtml`,
        'media-type': 'application/xhtml+xml',
        properties: properties(chapter) || undefined,
      }),
    ),
  ]);
  const spine = x(
    'spine',
    book.chapters.map((chapter) => x('itemref', { idref: `c-${chapter.id}` })),
  );
  return xml(
    x('package', { xmlns: 'http://www.idpf.org/2007/opf', version: '3.0', 'unique-identifier': 'uid', 'xml:lang': lang, dir: 'ltr' }, [
      metadata,
      manifest,
      spine,
    ]),
  );
}

const CONTAINER = xml(
  x('container', { version: '1.0', xmlns: 'urn:oasis:names:tc:opendocument:xmlns:container' }, [
    x('rootfiles', [x('rootfile', { 'full-path': 'EPUB/package.opf', 'media-type': 'application/oebps-package+xml' })]),
  ]),
);

/**
 * The book as an EPUB 3 file. Written deterministically: `mimetype` first and stored, then every
 * file in a fixed order with one fixed timestamp, so two builds of the same content are identical.
 * @param identifier the book's unique identifier (its URL)
 * @param modified the date of the content (dcterms:modified and the files' timestamps)
 */
export function epub(book: Book, identifier: string, modified: Date): Uint8Array {
  // fflate writes DOS timestamps from local time: a local date with the same fields is the same on every machine.
  const mtime = new Date(
    modified.getUTCFullYear(),
    modified.getUTCMonth(),
    modified.getUTCDate(),
    modified.getUTCHours(),
    modified.getUTCMinutes(),
  );
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(CONTAINER),
    'EPUB/package.opf': strToU8(packageOpf(book, identifier, modified)),
    'EPUB/nav.xhtml': strToU8(navXhtml(book)),
    'EPUB/style.css': strToU8(BOOK_CSS),
  };
  for (const chapter of book.chapters) files[`EPUB/${chapter.id}.xhtml`] = strToU8(chapterXhtml(chapter));
  return zipSync(files, { level: 9, mtime });
}
