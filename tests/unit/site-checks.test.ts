import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { missingTranslations } from '../../src/lib/content/alignment';
import { uncitedReferences } from '../../src/lib/content/checks';
import { collectXrefTargets, idsInContent } from '../../src/lib/content/xref-targets';

/** A throwaway content/ folder with the given files. */
async function contentDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'content-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe('cross-reference targets', () => {
  test('collects opening sections, numbered headings and component ids, labelled per language', async () => {
    const dir = await contentDir({
      'zh/case-overview.mdx':
        '---\nsection: "3"\ntitle: 案例\npart: case-analysis\n---\n\n正文。\n\n<AnalysisFigure id="fig-1" />\n\n## 3.1. 概况\n\n正文。\n',
      'en/case-overview.mdx':
        '---\nsection: "3"\ntitle: Case\npart: case-analysis\n---\n\nText.\n\n<AnalysisFigure id="fig-1" />\n\n## 3.1. Overview\n\nText.\n',
    });
    const targets = await collectXrefTargets(dir);
    expect(targets.zh.get('fig-1')).toMatchObject({ slug: 'case-overview', label: '图 1' });
    expect(targets.en.get('s3-1')).toMatchObject({ slug: 'case-overview', label: 'Section 3.1' });
    expect(targets.zh.get('s3')).toMatchObject({ label: '第 3 节' });
  });

  test('an id defined twice in one language fails, naming both files', async () => {
    const dir = await contentDir({
      'zh/a.mdx': '---\nsection: "1"\ntitle: 甲\npart: introduction\n---\n\n<AnalysisFigure id="fig-1" />\n',
      'zh/b.mdx': '---\nsection: "2"\ntitle: 乙\npart: literature-review\n---\n\n<AnalysisFigure id="fig-1" />\n',
      'en/a.mdx': '---\nsection: "1"\ntitle: A\npart: introduction\n---\n',
    });
    await expect(collectXrefTargets(dir)).rejects.toThrow(/`fig-1` is defined twice: in .*zh\/a\.mdx and in .*zh\/b\.mdx/);
  });

  test('math in MDX does not trip the scan', () => {
    expect(idsInContent('---\ntitle: x\npart: about\n---\n\n$$\n\\frac{a}{b}\n$$\n')).toEqual([]);
  });
});

describe('every reference is cited', () => {
  const entries = [
    { key: 'vargo2004', number: 1 },
    { key: 'lang1947', number: 5 },
  ];
  const citing = (...refs: number[]) => ({ citations: refs.map((ref) => ({ ref, anchor: 's1-p1' })) });
  test('passes when each reference is cited somewhere in each language', () => {
    expect(
      uncitedReferences(entries, [
        { zh: citing(1), en: citing(1, 5) },
        { zh: citing(5), en: citing() },
      ]),
    ).toEqual([]);
  });
  test('fails naming a reference no page of a language cites', () => {
    expect(uncitedReferences(entries, [{ zh: citing(1), en: citing(1, 5) }])).toEqual([
      '[uncited-reference] content/references.bib: no page of content/zh/ cites [5] `lang1947`',
    ]);
  });
});

describe('every page in both languages', () => {
  const pages = (slugs: Record<'zh' | 'en', string[]>) =>
    (['zh', 'en'] as const).flatMap((lang) => slugs[lang].map((slug) => ({ lang, slug })));
  test('a page of one language only is named, whichever language has it', () => {
    expect(missingTranslations(pages({ zh: ['', 'introduction', 'about'], en: ['', 'introduction', 'glossary-notes'] }))).toEqual([
      'content/zh/about.mdx has no English translation: add content/en/about.mdx',
      'content/en/glossary-notes.mdx has no Chinese original in content/zh/',
    ]);
    expect(missingTranslations(pages({ zh: ['', 'about'], en: ['about', ''] }))).toEqual([]);
  });
});

describe('content that does not parse', () => {
  test('MDX that does not parse is reported with its file and line before anything renders', async () => {
    const dir = await contentDir({
      'zh/a.mdx': '---\nsection: "1"\ntitle: 甲\npart: introduction\n---\n\n正文。\n\n<Note kind="editor">\n从未闭合。\n',
      'en/a.mdx': '---\nsection: "1"\ntitle: A\npart: introduction\n---\n\nText.\n',
    });
    await expect(collectXrefTargets(dir)).rejects.toThrow(/zh\/a\.mdx:\d+(:\d+)?: .*(closing tag|end of file|Unexpected)/i);
  });
});
