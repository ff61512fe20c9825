import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, test } from 'vitest';
import { en as englishUi } from '../../src/i18n/ui';
import { alignmentProblems } from '../../src/lib/content/alignment';
import { loadXrefTargets } from '../../src/lib/content/site-data';
import { compareSections, parseAnchor, sectionAnchor } from '../../src/lib/anchors/ids';
import { PARAGRAPH_COUNTS, PAGE_OF_SECTION } from '../fixtures/contract';
import { processContent, ROOT, type ProcessedPage } from './content-pipeline';

let zh: ProcessedPage[];
let en: ProcessedPage[];

beforeAll(async () => {
  [zh, en] = await Promise.all([processContent('zh'), processContent('en')]);
});

const sectionPages = (pages: ProcessedPage[]) =>
  pages
    .filter((page) => typeof page.frontmatter['section'] === 'string')
    .sort((a, b) => compareSections(String(a.frontmatter['section']), String(b.frontmatter['section'])));

/** Whitespace and the width of punctuation are typesetting, not text: compare without them. */
const normalise = (text: string) =>
  text.replace(/\s+/g, '').replace(/，/g, ',').replace(/；/g, ';').replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')');

describe('content alignment', () => {
  test('both languages have the same pages', () => {
    expect(en.map((page) => page.slug).sort()).toEqual(zh.map((page) => page.slug).sort());
  });

  test('each section page carries the same ordered heading and paragraph ids in zh and en', () => {
    for (const page of sectionPages(zh)) {
      const other = en.find((candidate) => candidate.slug === page.slug);
      expect(other, page.slug).toBeDefined();
      const version = (p: ProcessedPage) => ({
        file: p.slug,
        section: String(p.frontmatter['section']),
        part: String(p.frontmatter['part']),
        anchors: p.anchors,
      });
      expect(alignmentProblems(version(page), version(other!))).toEqual([]);
    }
  });

  test('cross-references may point at exactly the paragraphs and sentences the pages render', async () => {
    // The config numbers them from the Markdown (xref-targets.ts) before anything is rendered.
    const targets = await loadXrefTargets(ROOT);
    for (const [lang, pages] of [
      ['zh', zh],
      ['en', en],
    ] as const) {
      const rendered = pages.flatMap((page) => [...page.anchors.paragraphs, ...page.anchors.sentences]).sort();
      expect([...targets[lang].keys()].filter((id) => /-p\d+/.test(id)).sort()).toEqual(rendered);
    }
  });

  test('paragraph counts are those of the contract, section by section, in both languages', () => {
    for (const pages of [zh, en]) {
      const counts: Record<string, number> = {};
      const pageOf: Record<string, string> = {};
      for (const page of sectionPages(pages)) {
        const sections = [String(page.frontmatter['section']), ...page.anchors.headings.map((id) => id.slice(1).replaceAll('-', '.'))];
        for (const section of sections) {
          pageOf[section] = page.slug;
          counts[section] = page.anchors.paragraphs.filter((id) => id.startsWith(`${sectionAnchor(section)}-p`)).length;
        }
      }
      expect(counts).toEqual(PARAGRAPH_COUNTS);
      expect(pageOf).toEqual(PAGE_OF_SECTION);
    }
  });

  test('every citation and concept of a Chinese paragraph is in its English paragraph', () => {
    for (const page of sectionPages(zh)) {
      const other = en.find((candidate) => candidate.slug === page.slug)!;
      const byAnchor = (items: { anchor: string }[], key: (item: never) => string | number) =>
        Object.entries(Object.groupBy(items, (item) => item.anchor)).map(([anchor, list]) => [
          anchor,
          (list ?? []).map(key as (item: unknown) => string).sort(),
        ]);
      expect(
        byAnchor(other.anchors.citations, (c: { ref: number }) => c.ref),
        page.slug,
      ).toEqual(byAnchor(page.anchors.citations, (c: { ref: number }) => c.ref));
      expect(
        byAnchor(other.anchors.terms, (c: { term: string }) => c.term),
        page.slug,
      ).toEqual(byAnchor(page.anchors.terms, (c: { term: string }) => c.term));
    }
  });
});

describe('the Chinese text is the paper’s, complete', () => {
  test('sections 1 to 4 read exactly as the source once page breaks are rejoined', async () => {
    const source = await readFile(join(ROOT, 'content/source/paper.txt'), 'utf8');
    const body = source.slice(source.indexOf('1. 引言'), source.indexOf('基金项目'));
    // The figure's caption lines belong to the figure, which the site draws itself.
    const expected = normalise(body.replace(/^Figure 1\..*$/m, '').replace(/^图 1\..*$/m, ''));

    const rendered = sectionPages(zh)
      .map((page) => {
        const section = String(page.frontmatter['section']);
        const withoutNotes = page.tree.children.filter((node) => node.type === 'element');
        return `${section}. ${String(page.frontmatter['title'])}` + withoutNotes.map((node) => toString(node)).join('');
      })
      .join('');
    expect(normalise(rendered)).toBe(expected);
  });

  test('the front matter keeps the abstract and keywords as the source gives them', async () => {
    const source = normalise(await readFile(join(ROOT, 'content/source/paper.txt'), 'utf8'));
    const front = { zh: zh.find((page) => page.slug === ''), en: en.find((page) => page.slug === '') };
    expect(source).toContain(normalise(String(front.zh?.frontmatter['abstract'])));
    // The English abstract rejoins the word “busi-ness” that a page break split.
    expect(source.replace('busi-ness', 'business')).toContain(normalise(String(front.en?.frontmatter['abstract'])));
    expect(source).toContain(normalise((front.zh?.frontmatter['keywords'] as string[]).join(', ')));
    expect(source).toContain(normalise((front.en?.frontmatter['keywords'] as string[]).join(', ')));
  });

  test('the site’s notes never take a paper paragraph id', () => {
    let found = 0;
    for (const page of [...zh, ...en]) {
      let previous: string | undefined;
      for (const node of page.tree.children) {
        if (node.type === 'element' && node.tagName === 'p' && typeof node.properties['id'] === 'string') previous = node.properties['id'];
        if (node.type !== 'mdxJsxFlowElement' || node.name !== 'Note') continue;
        found += 1;
        // No id on a paragraph inside (hast); the note's own id (JSX) is of the notes' form, never a paper place's.
        expect(JSON.stringify(node), page.slug).not.toMatch(/"id":"s\d/);
        const id = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value;
        expect(id, page.slug).toMatch(/^s\d+(?:-\d+)*-note-\d+$/);
        expect(parseAnchor(typeof id === 'string' ? id : '')).toBeUndefined();
        // The note takes no place in the count: the paragraph after it follows the one before it.
        const after = page.tree.children
          .slice(page.tree.children.indexOf(node) + 1)
          .find((child) => child.type === 'element' && child.tagName === 'p');
        const next = after?.type === 'element' ? String(after.properties['id']) : undefined;
        const expected = previous?.replace(/-p(\d+)$/, (_match, n: string) => `-p${Number(n) + 1}`);
        if (next !== undefined && expected !== undefined && next.startsWith(previous!.replace(/-p\d+$/, '-p')))
          expect(next, page.slug).toBe(expected);
      }
    }
    // As many notes as the content files write: without them the checks above would check nothing.
    const written = [...zh, ...en].reduce((sum, page) => sum + (page.body.match(/^<Note /gm)?.length ?? 0), 0);
    expect(written).toBeGreaterThan(1);
    expect(found).toBe(written);
  });
});

describe('Markdown that renders', () => {
  test('no emphasis is left as asterisks in any page (CommonMark does not close ** after 。 when a word follows)', () => {
    const unclosed = [...zh, ...en].filter((page) => toString(page.tree).includes('**')).map((page) => `${page.lang}/${page.slug}`);
    expect(zh.length + en.length).toBeGreaterThan(20);
    expect(unclosed).toEqual([]);
  });
});

describe('the site’s English typography', () => {
  /** Every string under an "en" key of a JSON value. */
  const englishStrings = (value: unknown, key = ''): string[] => {
    if (typeof value === 'string') return key === 'en' ? [value] : [];
    if (Array.isArray(value)) return value.flatMap((item) => englishStrings(item, key));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => englishStrings(item, name));
    return [];
  };
  const STRAIGHT = /[A-Za-z]'[A-Za-z]|(^|\s)["'][A-Za-z]/;

  test('curly apostrophes and quotation marks in every English text the site writes, its interface included (the paper’s own English, in paper.json and the abstract, kept as it is)', async () => {
    const files = (await readdir(join(ROOT, 'content'), { recursive: true })).filter(
      (file) =>
        (file.endsWith('.json') && file !== 'paper.json') || (file.startsWith('en/') && file.endsWith('.mdx') && file !== 'en/index.mdx'),
    );
    const straight: string[] = [];
    for (const file of files) {
      const text = await readFile(join(ROOT, 'content', file), 'utf8');
      const strings = file.endsWith('.json') ? englishStrings(JSON.parse(text)) : text.replace(/^---[\s\S]*?---/, '').split('\n');
      for (const string of strings) if (STRAIGHT.test(string)) straight.push(`${file}: ${string.slice(0, 80)}`);
    }
    for (const [key, string] of Object.entries(englishUi)) if (STRAIGHT.test(string)) straight.push(`src/i18n/ui.ts ${key}: ${string}`);
    expect(files.length).toBeGreaterThan(10);
    expect(straight).toEqual([]);
  });
});
