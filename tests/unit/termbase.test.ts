import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, test } from 'vitest';
import { en as enUi } from '../../src/i18n/ui';
import { termbaseProblems, termbaseSchema, type AlignedText, type Term } from '../../src/lib/translation/termbase';
import { processContent, ROOT, type ProcessedPage } from './content-pipeline';

/** Every string under an "en" key, anywhere in a parsed JSON file, with its path. */
function englishStrings(value: unknown, path: string): { place: string; text: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => englishStrings(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const place = `${path}.${key}`;
    if (key !== 'en') return englishStrings(item, place);
    const texts =
      typeof item === 'string' ? [item] : Array.isArray(item) ? item.filter((text): text is string => typeof text === 'string') : [];
    return [...texts.map((text) => ({ place, text })), ...englishStrings(item, place)];
  });
}

/** The paper's own blocks of a page (top-level headings and paragraphs with an id), by id: notes are left out. */
function blocksById(page: ProcessedPage): Map<string, string> {
  const blocks = page.tree.children.filter(
    (node): node is Element => node.type === 'element' && typeof node.properties['id'] === 'string' && /^(p|h[1-6])$/.test(node.tagName),
  );
  return new Map(blocks.map((node) => [String(node.properties['id']), toString(node)]));
}

let termbase: Term[];
let aligned: AlignedText[];
let english: { place: string; text: string }[];

beforeAll(async () => {
  termbase = termbaseSchema.parse(JSON.parse(await readFile(join(ROOT, 'content/termbase.json'), 'utf8')));
  const [zh, en] = await Promise.all([processContent('zh'), processContent('en')]);
  aligned = zh.flatMap((page) => {
    const other = en.find((candidate) => candidate.slug === page.slug);
    if (!other) return [];
    const englishBlocks = blocksById(other);
    const titles = {
      place: `content/en/${page.slug}.mdx (title)`,
      zh: String(page.frontmatter['title']),
      en: String(other.frontmatter['title']),
    };
    return [
      titles,
      ...[...blocksById(page)].map(([id, text]) => ({
        place: `content/en/${page.slug || 'index'}.mdx#${id}`,
        zh: text,
        en: englishBlocks.get(id) ?? '',
      })),
    ];
  });
  const data = [
    'glossary.json',
    ...(await readdir(join(ROOT, 'content/data'))).map((file) => `data/${file}`),
    ...(await readdir(join(ROOT, 'content/figures'))).map((file) => `figures/${file}`),
  ];
  english = [
    ...(
      await Promise.all(data.map(async (file) => englishStrings(JSON.parse(await readFile(join(ROOT, 'content', file), 'utf8')), file)))
    ).flat(),
    ...Object.entries(enUi).map(([key, text]) => ({ place: `ui.ts ${key}`, text })),
  ];
});

describe('the termbase', () => {
  test('covers every glossary concept’s Chinese term', async () => {
    const glossary = JSON.parse(await readFile(join(ROOT, 'content/glossary.json'), 'utf8')) as { zh: string }[];
    const listed = new Set(termbase.map((term) => term.zh));
    expect(glossary.map((concept) => concept.zh).filter((term) => !listed.has(term))).toEqual([]);
  });

  test('the English uses the agreed rendering wherever the Chinese has the term, and no forbidden variant anywhere', () => {
    expect(aligned.length).toBeGreaterThan(40);
    expect(termbaseProblems(termbase, aligned, english)).toEqual([]);
  });

  test('a paragraph that strays from the termbase is caught', () => {
    const term: Term = { zh: '发烧友', en: ['enthusiasts', 'enthusiast'], forbidden: [], misreadings: ['Mi fans'] };
    const stray = { place: 'x.mdx#s3-2-1-p2', zh: '形成“发烧友”的专业形象', en: 'the expert image of “Mi fans”' };
    expect(termbaseProblems([term], [stray], [{ place: 'glossary.json[3].en', text: 'Mi fans' }])).toEqual([
      'x.mdx#s3-2-1-p2: 「发烧友」 is in the Chinese, but the English has none of: enthusiasts / enthusiast',
      'x.mdx#s3-2-1-p2: “Mi fans” is a forbidden rendering of 「发烧友」 (use enthusiasts)',
      'glossary.json[3].en: “Mi fans” is a forbidden rendering of 「发烧友」 (use enthusiasts)',
    ]);
  });
});
