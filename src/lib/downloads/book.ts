import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import { HTML_LANG, LANGS, useTranslations, type Lang } from '../../i18n/utils';
import { authorNames, formatDate, paper } from '../content/paper';
import { blocksOf, pairedParts } from '../parallel/pair-blocks';
import { BACK_MATTER_SLUGS } from '../site/whole-site';
import { spaceOperatorsBetweenWords } from './mathml';

/** The three books: each language alone, and both paragraph by paragraph (docs/contract.md, "Downloads"). */
export const EDITIONS = ['zh', 'en', 'zh-en'] as const;
export type Edition = (typeof EDITIONS)[number];

/** The languages of an edition, the original first. */
export function editionLangs(edition: Edition): Lang[] {
  return edition === 'zh-en' ? [...LANGS] : [edition];
}

export interface Chapter {
  /** Its file name inside the book without extension, e.g. "mechanisms-value-proposition". */
  id: string;
  /** What the contents call it. */
  title: string;
  /** Its title in each of the book's languages, for the running head. */
  titles: string[];
  /** The chapter's `<html lang>`: its first language. */
  lang: string;
  /** Its content, cleaned of the site's furniture, links pointing inside the book. */
  body: ElementContent[];
  /** Its subsections (h2 with an id), for the contents. */
  subheadings: Subheading[];
  /** The paper's number for the section it starts with, e.g. "3.2"; none for the front and back matter. */
  number?: string;
}

export interface Subheading {
  id: string;
  /** What the contents call it. */
  title: string;
  /** Its title in each of the book's languages that has it. */
  titles: string[];
  /** The paper's number for it, e.g. "3.2.1"; none for the site's own headings. */
  number?: string;
}

export interface Book {
  edition: Edition;
  /** The book's languages as `<html lang>` values, the original first. */
  languages: string[];
  title: string;
  chapters: Chapter[];
}

/**
 * A chapter's or subsection's title for the contents, each language's part in a span with its
 * `lang`: in a Chinese document the English half would otherwise be set in the Chinese font
 * (full-width apostrophes).
 */
function contentsTitle(book: Book, heading: { title: string; titles: string[] }): ElementContent[] {
  if (heading.titles.length < 2) return [{ type: 'text', value: heading.title }];
  return heading.titles.flatMap((title, index): ElementContent[] => [
    ...(index ? [{ type: 'text' as const, value: ' · ' }] : []),
    h('span', { lang: book.languages[index] }, title),
  ]);
}

/** Where the built site is and where it lives, to read its pages and make links absolute. */
export interface BuiltSite {
  dir: string;
  /** The base path, "/" or "/courses/bm101/xiaomi/". */
  base: string;
  /** The site's origin and base, e.g. "https://reading.example.org/courses/x/". */
  url: string;
}

interface SectionsManifest {
  sections: { number: string; id: string; paths: Record<Lang, string> }[];
}

const readSections = (site: BuiltSite) => (JSON.parse(readFileSync(join(site.dir, 'sections.json'), 'utf8')) as SectionsManifest).sections;

/** The pages a book holds, in reading order: front matter, the sections (from /sections.json), the back matter. */
function bookSlugs(site: BuiltSite): string[] {
  const sections = readSections(site).map(({ paths }) => paths.en.slice(site.base.length + 'en/'.length, -1));
  return ['', ...new Set(sections), ...BACK_MATTER_SLUGS];
}

const chapterId = (slug: string) => slug.replaceAll('/', '-') || 'front';

/** Site furniture that has no place in a book: controls, previews, links to other views and to a paragraph in the other language, citing help, what content marks as the site's only (<SiteOnly>). */
function isFurniture(node: Element, front: boolean): boolean {
  const classes = node.properties.className ?? [];
  return (
    ['script', 'style', 'template', 'button', 'nav', 'copy-links', 'details'].includes(node.tagName) ||
    ['view-links', 'other-lang', 'previews', 'katex-html', 'site-only'].some((name) => classes.includes(name)) ||
    // The front page's title and facts are the book's title page; its "start reading" link is the
    // next chapter; the figure it shows as an overview the book holds once, in its section.
    (front && classes.includes('meta-list')) ||
    (front && node.tagName === 'figure') ||
    (front && node.tagName === 'h1') ||
    (front && node.tagName === 'p' && node.children.length === 1 && (node.children[0] as Element).tagName === 'a' && !classes.length)
  );
}

/** The article of a built page, cleaned: furniture removed, KaTeX reduced to its MathML (operators between words spaced), site-only attributes dropped. */
function articleOf(file: string, front: boolean): Element {
  const tree: Root = fromHtml(readFileSync(file, 'utf8'));
  let article: Element | undefined;
  visit(tree, 'element', (node) => {
    if (node.tagName === 'article' && !article) article = node;
  });
  if (!article) throw new Error(`${file} has no <article> to put in the books`);
  visit(article, 'element', (node, index, parent) => {
    if (parent && index !== undefined && isFurniture(node, front)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const name of Object.keys(node.properties)) {
      if (name.startsWith('data') || name === 'ariaDescribedBy' || name === 'ariaHidden') delete node.properties[name];
    }
    return undefined;
  });
  spaceOperatorsBetweenWords(article);
  return article;
}

/** Gives every id inside the English copy a suffix, so both languages' ids live in one bilingual file. */
function suffixIds(blocks: Element[], suffix: string): void {
  for (const block of blocks) {
    visit(block, 'element', (node) => {
      const { id, ariaLabelledBy } = node.properties;
      if (typeof id === 'string') node.properties.id = `${id}${suffix}`;
      if (Array.isArray(ariaLabelledBy)) node.properties.ariaLabelledBy = ariaLabelledBy.map((part) => `${String(part)}${suffix}`);
    });
  }
}

/** The suffix of the English ids in the bilingual book. */
export const PAIRED_ID_SUFFIX = '-en';

/**
 * Both languages of one page, paragraph by paragraph: each heading or paper paragraph of the
 * original is followed by the translation's with the same anchor, then the notes, figures and
 * tables that follow them, each with its translation (as the parallel view pairs them); what one
 * language has alone follows in its place.
 */
export function interleave(original: Element[], translation: Element[]): Element[] {
  const elements = (nodes: RootContent[]) => nodes.filter((node): node is Element => node.type === 'element');
  const translated = blocksOf({ type: 'root', children: translation });
  const byAnchor = new Map(translated.map((block) => [block.anchor, block]));
  const out: Element[] = [];
  for (const block of blocksOf({ type: 'root', children: original })) {
    const pair = byAnchor.get(block.anchor);
    byAnchor.delete(block.anchor);
    out.push(...elements(pairedParts(block, pair).flatMap((part) => [...part.zh, ...part.en])));
  }
  return [...out, ...[...byAnchor.values()].flatMap((block) => elements(block.nodes))];
}

/** Points a site link at its place in the book, or at the site itself when the book does not hold it. */
function rewriteLinks(blocks: Element[], site: BuiltSite, chapters: Set<string>, edition: Edition): void {
  const origin = new URL(site.url).origin;
  for (const block of blocks) {
    visit(block, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string') return;
      if (href.startsWith('#')) return;
      const url = new URL(href, site.url);
      if (url.origin !== origin || !url.pathname.startsWith(site.base)) return;
      const [lang, ...rest] = url.pathname.slice(site.base.length).replace(/\/$/, '').split('/');
      const slug = rest.filter((part) => part !== 'parallel').join('/');
      const id = chapterId(slug);
      const inBook = (lang === 'zh' || lang === 'en') && editionLangs(edition).includes(lang) && chapters.has(id);
      if (!inBook) {
        node.properties.href = url.href;
        return;
      }
      const fragment = url.hash.slice(1);
      const suffix = edition === 'zh-en' && lang === 'en' && fragment ? PAIRED_ID_SUFFIX : '';
      node.properties.href = `${id}.xhtml${fragment ? `#${fragment}${suffix}` : ''}`;
    });
  }
}

/** The title page: the paper's facts as the source gives them, the licence, and whose translation it is. */
function titlePage(edition: Edition, site: BuiltSite): Chapter {
  const body = editionLangs(edition).flatMap((lang) => {
    const t = useTranslations(lang);
    const facts: [string, string][] = [
      [t('front.authors'), authorNames(lang)],
      [t('front.affiliation'), paper.affiliation[lang]],
      [t('front.received'), formatDate(paper.received, lang)],
      [t('front.accepted'), formatDate(paper.accepted, lang)],
      [t('front.published'), formatDate(paper.published, lang)],
      [t('about.publisher'), paper.publisher],
      [t('about.copyright'), paper.copyright],
    ];
    return [
      h('section', { lang: HTML_LANG[lang], className: ['title-page'] }, [
        h('h1', paper.title[lang]),
        h(
          'dl',
          facts.flatMap(([label, value]) => [h('dt', label), h('dd', value)]),
          h('dt', t('about.license')),
          h('dd', h('a', { href: paper.license.url }, paper.license.title)),
        ),
        h('p', t('downloads.bookCredit')),
        h('p', [t('downloads.bookSource'), ' ', h('a', { href: `${site.url}${lang}/` }, `${site.url}${lang}/`)]),
      ]),
    ];
  });
  const first = editionLangs(edition)[0] ?? 'zh';
  const title = useTranslations(first)('downloads.titlePage');
  return { id: 'title', title, titles: [title], lang: HTML_LANG[first], body, subheadings: [] };
}

/** The first h1 or h2 of some blocks, however deep. */
function firstHeading(blocks: Element[]): Element | undefined {
  let found: Element | undefined;
  for (const block of blocks) {
    visit(block, 'element', (node) => {
      if (!found && (node.tagName === 'h1' || node.tagName === 'h2')) found = node;
    });
  }
  return found;
}

function headingText(node: Element): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

/**
 * One book, made from the built pages of the site: its pages' articles, cleaned, with links
 * pointing inside the book; in the bilingual book each paragraph of the original is followed by
 * its translation.
 */
export function makeBook(edition: Edition, site: BuiltSite): Book {
  const langs = editionLangs(edition);
  const slugs = bookSlugs(site);
  const numbers = new Map(readSections(site).map((section) => [section.id, section.number]));
  const ids = new Set(['title', ...slugs.map(chapterId)]);
  const chapters = slugs.map((slug): Chapter => {
    const articles = langs.map((lang) => {
      const blocks = articleOf(join(site.dir, lang, slug, 'index.html'), slug === '').children.filter(
        (node): node is Element => node.type === 'element',
      );
      rewriteLinks(blocks, site, ids, edition);
      return blocks;
    });
    const [first = [], second] = articles;
    const body = second ? interleave(first, second) : first;
    if (second) {
      suffixIds(second, PAIRED_ID_SUFFIX);
      for (const block of second) block.properties.lang = HTML_LANG.en;
    }
    const headings = body.filter((block) => block.tagName === 'h1' || block.tagName === 'h2');
    const titles = langs.map((lang, index) => {
      const heading = firstHeading(articles[index] ?? []);
      return heading ? headingText(heading) : lang;
    });
    const number = numbers.get(String(firstHeading(first)?.properties.id));
    return {
      id: chapterId(slug),
      title: titles.join(' · '),
      titles,
      lang: HTML_LANG[langs[0] ?? 'zh'],
      body,
      subheadings: headings
        .filter(
          (block) =>
            block.tagName === 'h2' && typeof block.properties.id === 'string' && !String(block.properties.id).endsWith(PAIRED_ID_SUFFIX),
        )
        .map((block) => {
          const id = String(block.properties.id);
          const sub = numbers.get(id);
          // In the bilingual book, the translation's heading of the same section follows it.
          const translated = headings.find((heading) => heading.properties.id === `${id}${PAIRED_ID_SUFFIX}`);
          const subTitles = [block, ...(translated ? [translated] : [])].map(headingText);
          return { id, title: subTitles.join(' · '), titles: subTitles, ...(sub ? { number: sub } : {}) };
        }),
      ...(number ? { number } : {}),
    };
  });
  return {
    edition,
    languages: langs.map((lang) => HTML_LANG[lang]),
    title: langs.map((lang) => paper.title[lang]).join(' · '),
    chapters: [titlePage(edition, site), ...chapters],
  };
}

/** An entry of a book's contents: a chapter, or a place inside it, with the entries under it. */
export interface ContentsEntry {
  chapter: string;
  /** The id inside the chapter; none for its start. */
  fragment?: string;
  title: ElementContent[] | string;
  children: ContentsEntry[];
}

/** How deep a heading sits in the contents: as deep as its number ("3.2.1": 3), or `otherwise` when it has none. */
export function contentsDepth(number: string | undefined, otherwise: number): number {
  return number ? number.split('.').length : otherwise;
}

export interface Nested<T> {
  item: T;
  children: Nested<T>[];
}

/**
 * Puts each item under the nearest item before it of lesser depth.
 * @returns the items with nothing above them, each with its children
 */
export function nestByDepth<T>(items: readonly { depth: number; item: T }[]): Nested<T>[] {
  const roots: Nested<T>[] = [];
  const open: { depth: number; node: Nested<T> }[] = [];
  for (const { depth, item } of items) {
    const node: Nested<T> = { item, children: [] };
    while (open.length && (open.at(-1)?.depth ?? 0) >= depth) open.pop();
    (open.at(-1)?.node.children ?? roots).push(node);
    open.push({ depth, node });
  }
  return roots;
}

/**
 * A book's contents nested as the paper numbers its sections, not as the site cuts its pages:
 * 3.2 (a page of its own) under 3 and 3.2.1 under 3.2, as 3.1 (a subsection of the page of 3) is.
 * What the paper does not number (the front and back matter, the site's own headings) sits at the
 * top, or under its chapter.
 */
export function bookContents(book: Book): ContentsEntry[] {
  type Item = Omit<ContentsEntry, 'children'>;
  const flat = book.chapters.flatMap((chapter): { depth: number; item: Item }[] => {
    const chapterDepth = contentsDepth(chapter.number, 1);
    return [
      { depth: chapterDepth, item: { chapter: chapter.id, title: contentsTitle(book, chapter) } },
      ...chapter.subheadings.map((sub) => ({
        depth: contentsDepth(sub.number, chapterDepth + 1),
        item: { chapter: chapter.id, fragment: sub.id, title: contentsTitle(book, sub) },
      })),
    ];
  });
  const entries = (nodes: Nested<Item>[]): ContentsEntry[] => nodes.map(({ item, children }) => ({ ...item, children: entries(children) }));
  return entries(nestByDepth(flat));
}
