/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return --
   The rows below break JSON files on purpose (a string where a number goes, a field deleted): a typed edit could not write them. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alignmentProblems, type PageVersion } from '../../src/lib/content/alignment';
import { pageSchema } from '../../src/lib/content/schema';
import { loadSiteData, loadXrefTargets } from '../../src/lib/content/site-data';
import { ROOT } from './content-pipeline';
import { fixtureOptions, renderMdx } from './plugins/render';

/*
 * Bad inputs, one per row, as a careless or hurried editor makes them: each is rejected by the
 * function the build calls, with a message that names the file (and the line or the field) and
 * the cause. The build turns any such rejection into a non-zero exit and leaves dist/ as it was
 * (tests/unit/atomic-build.test.ts, and the real builds of tests/e2e/bad-input.test.ts).
 */

let root: string;
const file = (path: string) => join(root, 'content', path);
const edit = (path: string, change: (text: string) => string) => writeFileSync(file(path), change(readFileSync(file(path), 'utf8')));
const editJson = (path: string, change: (data: any) => void) =>
  edit(path, (text) => {
    const data: unknown = JSON.parse(text);
    change(data);
    return JSON.stringify(data, null, 2);
  });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bad-input-'));
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Breaks a copy of content/, runs the config's loaders on it, restores it; returns what they threw. */
async function loadError(breakIt: () => void): Promise<string> {
  const good = join(root, 'content.good');
  cpSync(join(root, 'content'), good, { recursive: true });
  try {
    breakIt();
    await loadSiteData(root);
    await loadXrefTargets(root);
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  } finally {
    rmSync(join(root, 'content'), { recursive: true, force: true });
    cpSync(good, join(root, 'content'), { recursive: true });
    rmSync(good, { recursive: true, force: true });
  }
}

describe('content files, before the build: encoding, JSON, schemas, anchors, each page in both languages', { timeout: 30_000 }, () => {
  test.each<[string, () => void, RegExp]>([
    [
      'a date written 2024/04/11',
      () => editJson('paper.json', (paper) => (paper.received = '2024/04/11')),
      /content\/paper\.json: received: must be a date written YYYY-MM-DD/,
    ],
    [
      'a date that is not in the calendar',
      () => editJson('paper.json', (paper) => (paper.published = '2024-02-30')),
      /content\/paper\.json: published: is not a date of the calendar/,
    ],
    [
      'paper.json without its copyright',
      () => editJson('paper.json', (paper) => delete paper.copyright),
      /content\/paper\.json: copyright: .*expected string/i,
    ],
    [
      'paper.json with a copyright line that gives no year (the footer states it)',
      () => editJson('paper.json', (paper) => (paper.copyright = 'Copyright by author(s)')),
      /content\/paper\.json: copyright: must give the year after ©/,
    ],
    [
      'a misspelt field',
      () => editJson('paper.json', (paper) => (paper.publihser = paper.publisher)),
      /content\/paper\.json: \(the whole file\): Unrecognized key: "publihser"/,
    ],
    [
      'a licence URL that is not one',
      () => editJson('paper.json', (paper) => (paper.license.url = 'creativecommons.org')),
      /content\/paper\.json: license\.url: /,
    ],
    [
      'an author without the English name',
      () => editJson('paper.json', (paper) => (paper.authors[1].en = '')),
      /content\/paper\.json: authors\.“”\.en: must not be empty/,
    ],
    [
      'a key figure without its English value',
      () => editJson('data/key-figures.json', (rows) => delete rows[0].value.en),
      /content\/data\/key-figures\.json: “Offline retail stores in China”\.value\.en: .*expected string/i,
    ],
    [
      'a percentage written "13%"',
      () => editJson('data/key-figures.json', (rows) => (rows[2].chart.percent = '13%')),
      /content\/data\/key-figures\.json: “IoT business gross margin \(peak\)”\.chart\.percent: .*expected number/i,
    ],
    [
      'a percentage above 100',
      () => editJson('data/key-figures.json', (rows) => (rows[2].chart.percent = 130)),
      /“IoT business gross margin \(peak\)”\.chart\.percent: .*100/,
    ],
    [
      'a figure caption missing in one language',
      () => editJson('figures/fig-1.json', (figure) => delete figure.caption.zh),
      /content\/figures\/fig-1\.json: caption\.zh: .*expected string/i,
    ],
    [
      'a figure label line left empty',
      () => editJson('figures/fig-1.json', (figure) => (figure.labels.users.en = [' '])),
      /content\/figures\/fig-1\.json: labels\.users\.en\.item 1: must not be empty/,
    ],
    [
      'a whitespace-only glossary term',
      () => editJson('glossary.json', (concepts) => (concepts[0].en = '  ')),
      /content\/glossary\.json: “value-co-creation”\.en: must not be empty/,
    ],
    [
      'a timeline event without its English',
      () => editJson('data/timeline.json', (events) => delete events[0].what.en),
      /content\/data\/timeline\.json: “April 2010”\.what\.en/,
    ],
    [
      'an annotation’s introduction without its Chinese',
      () => editJson('data/annotations.json', (annotations) => delete annotations.keyFigures.intro.zh),
      /content\/data\/annotations\.json: keyFigures\.intro\.zh: .*expected string/i,
    ],
    [
      'a JSON syntax error in paper.json',
      () => edit('paper.json', (text) => text.replace('"publisher":', '"publisher"')),
      /content\/paper\.json:17:\d+: not valid JSON/,
    ],
    [
      'a JSON syntax error in glossary.json',
      () => edit('glossary.json', (text) => text.replace(/\]\s*$/, '')),
      /content\/glossary\.json(:\d+:\d+)?: not valid JSON/,
    ],
    [
      'a trailing comma in data/timeline.json',
      () => edit('data/timeline.json', (text) => text.replace(/\}\s*\]\s*$/, '},]')),
      /content\/data\/timeline\.json:\d+:\d+: not valid JSON/,
    ],
    ['a data file nothing describes', () => writeFileSync(file('data/extra.json'), '[]'), /content\/data\/extra\.json has no schema/],
    [
      'an MDX file saved as GBK',
      () => writeFileSync(file('zh/introduction.mdx'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xd2, 0xfd, 0xd1, 0xd4])),
      /content\/zh\/introduction\.mdx is not UTF-8/,
    ],
    [
      'a .bib entry missing its closing brace',
      () => edit('references.bib', (text) => text.replace(/\}\s*\n(\s*@)/, '\n$1')),
      /content\/references\.bib:\d+: the entry `\w+` is not closed: a “\}” is missing before line \d+/,
    ],
    [
      'a citation key used twice',
      () => edit('references.bib', (text) => `${text}\n@book{vargo2004,\n  title = {Again},\n}\n`),
      /content\/references\.bib:\d+: the citation key `vargo2004` is used twice \(first at line \d+\)/,
    ],
    [
      'a non-ASCII citation key',
      () => edit('references.bib', (text) => `${text}\n@book{金2024,\n  title = {书},\n}\n`),
      /content\/references\.bib:\d+: the citation key `金2024` is not supported: keys are ASCII/,
    ],
    [
      'a page without its English translation',
      () => rmSync(file('en/conclusions.mdx')),
      /content\/zh\/conclusions\.mdx has no English translation: add content\/en\/conclusions\.mdx/,
    ],
    [
      'a hidden draft beside the pages is no page (the collection skips it), so it needs no translation',
      () => writeFileSync(file('zh/.draft.mdx'), '---\ntitle: 草稿\n---\n\n草稿。\n'),
      /^no error$/,
    ],
    [
      'an English page without its Chinese original',
      () => writeFileSync(file('en/extra.mdx'), '---\ntitle: Extra\n---\n\nText.\n'),
      /content\/en\/extra\.mdx has no Chinese original in content\/zh\//,
    ],
    [
      'a timeline event pointing at no paragraph',
      () => editJson('data/timeline.json', (events) => (events[0].places = ['s3-1-p99'])),
      /content\/data\/timeline\.json: “April 2010”\.places: no page has the anchor #s3-1-p99/,
    ],
    [
      'a key figure pointing at no paragraph',
      () => editJson('data/key-figures.json', (rows) => (rows[0].place = 's9-p1')),
      /content\/data\/key-figures\.json: “Offline retail stores in China”\.place: no page has the anchor #s9-p1/,
    ],
    [
      'a figure whose number is not its file’s',
      () => editJson('figures/fig-1.json', (figure) => (figure.number = 2)),
      /content\/figures\/fig-1\.json: number: is 2, but the file is figure 1/,
    ],
    [
      'a figure labelling a section that does not exist',
      () => editJson('figures/fig-1.json', (figure) => (figure.sections.overview = '3.9')),
      /content\/figures\/fig-1\.json: sections\.overview: no page has the anchor #s3-9/,
    ],
    [
      'a revision logged on the about page without the translation’s date moving on',
      () => edit('zh/about.mdx', (text) => text.replace('### 修订（', '### 修订（2099 年 1 月 2 日）\n\n- 新修订。\n\n### 修订（')),
      /content\/translation\.json: date: is \d{4}-\d\d-\d\d, but the latest revision content\/zh\/about\.mdx records is of 2099-01-02/,
    ],
    [
      'the same in English',
      () =>
        edit('en/about.mdx', (text) => text.replace('### Revision of ', '### Revision of 2099-01-02\n\n- A revision.\n\n### Revision of ')),
      /content\/translation\.json: date: is \d{4}-\d\d-\d\d, but the latest revision content\/en\/about\.mdx records is of 2099-01-02/,
    ],
    [
      'revision headings the check cannot read',
      () => edit('zh/about.mdx', (text) => text.replaceAll('### 修订（', '### 本次修订（')),
      /content\/zh\/about\.mdx: no revision heading .*: the translation's date cannot be checked/,
    ],
  ])('%s', async (_name, breakIt, message) => {
    expect(await loadError(breakIt)).toMatch(message);
  });
});

describe('frontmatter', () => {
  test.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a title that repeats its number',
      { section: '2', title: '2. Literature Review', part: 'literature-review' },
      /title must not start with its number/,
    ],
    ['a whitespace-only title', { section: '2', title: ' ', part: 'literature-review' }, /title must not be empty/],
  ])('%s', (_name, data, message) => {
    const result = pageSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n')).toMatch(
      new RegExp(`title: ${message.source}`),
    );
  });
});

describe('MDX content: only text, our syntax and our components', () => {
  const en = { lang: 'en' as const };
  test.each<[string, string, RegExp, { lang?: 'zh' | 'en' }?]>([
    [
      'a year range in braces (MDX prints "-8")',
      '小米 {2015-2023} 年。',
      /content\/zh\/literature-review\.mdx:1:4: `\{2015-2023\}` is an MDX expression, which runs as code: write \\\{ and \\\} for literal braces/,
    ],
    [
      'a <meta> refresh to another site',
      'Text.\n\n<meta http-equiv="refresh" content="0;url=https://example.com" />',
      /literature-review\.mdx:3:1: <meta> is not allowed in content/,
      en,
    ],
    ['a <script>', 'Text <script>alert(1)</script>.', /literature-review\.mdx:1:6: <script> is not allowed/, en],
    ['an <img> with onerror', '<img src="x" onerror="alert(1)" />', /literature-review\.mdx:1:1: <img> is not allowed/, en],
    [
      'a javascript: link',
      '[click](javascript:alert(1))',
      /literature-review\.mdx:1:1: the link target `javascript:alert\(1\)` is not allowed/,
      en,
    ],
    ['a mailto: link', '[write](mailto:editor@example.org)', /the link target `mailto:editor@example\.org` is not allowed/, en],
    ['a protocol-relative link', '[x](//evil.example/)', /the link target `\/\/evil\.example\/` is not allowed/, en],
    ['an import', "import X from './x.js';\n\nText.", /literature-review\.mdx:1:1: import and export statements are not allowed/, en],
    ['a component content may not use', '<Counter />', /<Counter> is not allowed in content/, en],
    [
      'a component attribute written as an expression',
      '<Note kind={"editor"}>Text.</Note>',
      /<Note> does not take kind: it takes kind="editor\|translator"/,
      en,
    ],
    ['a note of an unknown kind', '<Note kind="reviewer">Text.</Note>', /<Note> does not take kind="reviewer"/, en],
    ['a note without its kind', '<Note>Text.</Note>', /literature-review\.mdx:1:1: <Note> needs its kind attribute/, en],
    [
      'a component given a language (it takes its file’s)',
      '<Note kind="editor" lang="en">Text.</Note>',
      /literature-review\.mdx:1:1: <Note> sets lang: components take their language from the content file/,
      en,
    ],
    ['an event handler on a component', '<Note kind="editor" onClick="x()">Text.</Note>', /<Note> does not take onClick="x\(\)"/, en],
    [
      'a figure that does not exist',
      '<AnalysisFigure id="fig-2" />',
      /<AnalysisFigure id="fig-2"> draws a figure content\/figures\/ does not have \(fig-1\)/,
      en,
    ],
    [
      'a citation with a page locator',
      'As shown [@vargo2004, p. 6].',
      /literature-review\.mdx:1:\d+: `\[@vargo2004, p\. 6\]` is not a citation: locators such as \[@key, p\. 6\] are not supported/,
      en,
    ],
    [
      'citation keys separated by a comma',
      'As shown [@vargo2004, @vargo2008].',
      /`\[@vargo2004, @vargo2008\]` is not a citation: separate keys with “;”/,
      en,
    ],
    ['a non-ASCII citation key', '如 [@金2024] 所述。', /`\[@金2024\]` is not a citation: citation keys are ASCII/],
    ['an unknown citation key', 'As shown [@nobody1999].', /literature-review\.mdx:1:1: Unknown citation key `nobody1999`/, en],
    [
      'a concept link with a space',
      '[价值共创](term: value-co-creation)。',
      /literature-review\.mdx:1:1: `\[价值共创\]\(term: value-co-creation\)` is not a concept link/,
    ],
    ['an unknown concept', '[x](term:nothing)', /Unknown glossary term `nothing`/, en],
    [
      'math KaTeX cannot typeset',
      'Text.\n\n$$\n\\frac{1}{\n$$',
      /literature-review\.mdx:3:1: Math that KaTeX cannot typeset: KaTeX parse error: Unexpected end of input/,
      en,
    ],
    [
      'a link to a page the site does not have',
      '[x](/en/nowhere/)',
      /literature-review\.mdx:1:1: Link to `\/en\/nowhere\/`: the site has no page \/en\/nowhere\//,
      en,
    ],
    [
      'a link to an anchor its page does not have',
      '[x](/en/case-overview/#s9)',
      /Link to `\/en\/case-overview\/#s9`: the page \/en\/case-overview\/ has no anchor #s9/,
      en,
    ],
    [
      'a link to a concept the glossary does not have',
      '[x](/en/glossary/#term-nothing)',
      /Link to `\/en\/glossary\/#term-nothing`: the page \/en\/glossary\/ has no anchor #term-nothing/,
      en,
    ],
    ['a link to a reference the list does not have', '[x](/zh/references/#ref-4)', /the page \/zh\/references\/ has no anchor #ref-4/],
    ['a link to a heading the about page does not have', '[x](/en/about/#history)', /the page \/en\/about\/ has no anchor #history/, en],
    [
      'an accidental list (2) unescaped)',
      '甲。\n\n2) 乙。',
      /literature-review\.mdx:3:1: a line starting with a number and “\)” or “\.” made a numbered list.*write 2\\\)/,
    ],
    ['a cross-reference to no id', 'see [](#fig-9)', /literature-review\.mdx:1:5: Cross-reference to `#fig-9`, which no page defines/, en],
  ])('%s', async (_name, mdx, message, options = {}) => {
    await expect(renderMdx(mdx, options)).rejects.toThrow(message);
  });

  test('what is allowed still renders: a paragraph anchor cross-reference, site links to anchors under the base path, escaped braces', async () => {
    const targets = {
      ...fixtureOptions.targets,
      en: new Map([...fixtureOptions.targets.en, ['s3-1-p1', { slug: 'case-overview', label: '§3.1 ¶1' }]]),
    };
    const { html } = await renderMdx(
      'See [](#s3-1-p1), [the glossary](/en/glossary/#term-new-retail), [value co-creation](term:value-co-creation), [2](/en/references/#ref-2), [conventions](/en/about/#conventions), [the paper](/en/about/#paper) and \\{2015\\}.',
      {
        lang: 'en',
        options: { targets, base: '/course/' },
      },
    );
    expect(html).toContain('<a href="/course/en/case-overview/#s3-1-p1" class="xref">§3.1 ¶1</a>');
    expect(html).toContain('<a href="/course/en/glossary/#term-new-retail">the glossary</a>');
    expect(html).toContain('<a href="/course/en/references/#ref-2">2</a>');
    expect(html).toContain('<a href="/course/en/about/#conventions">conventions</a>');
    expect(html).toContain('<a href="/course/en/about/#paper">the paper</a>');
    expect(html).toContain('href="/course/en/glossary/#term-value-co-creation"');
    expect(html).toContain('{2015}');
  });
});

describe('alignment of the two languages, paragraph by paragraph', () => {
  /** Renders both versions and checks their alignment as the build does. */
  async function problems(
    zhText: string,
    enText: string,
    frontmatter = { zh: { part: 'literature-review' }, en: { part: 'literature-review' } },
  ) {
    const version = async (lang: 'zh' | 'en', text: string): Promise<PageVersion> => ({
      file: `content/${lang}/literature-review.mdx`,
      section: '2',
      part: frontmatter[lang].part,
      anchors: (await renderMdx(text, { lang })).anchors,
    });
    return alignmentProblems(await version('zh', zhText), await version('en', enText)).join('\n');
  }

  test.each<[string, string, string, RegExp]>([
    [
      'an English paragraph dropped and a later one split',
      '甲[@vargo2004]。\n\n乙[@vargo2008]。',
      'B [@vargo2008].\n\nMore of B.',
      /content\/zh\/literature-review\.mdx:1 and content\/en\/literature-review\.mdx:1: paragraph s2-p1 cites \[1\] in Chinese but \[2\] in English/,
    ],
    [
      'citations swapped within a paragraph',
      '甲[@vargo2004]，乙[@vargo2008]。',
      'A [@vargo2008], B [@vargo2004].',
      /paragraph s2-p1 cites \[1\] \[2\] in Chinese but \[2\] \[1\] in English/,
    ],
    [
      'an English paragraph reduced to its citations',
      '甲[@vargo2004]。',
      '[@vargo2004]',
      /content\/en\/literature-review\.mdx:1: paragraph s2-p1 has no text besides its citations in English/,
    ],
    [
      'a concept linked in one language only',
      '[价值共创](term:value-co-creation)很重要。',
      'Value co-creation matters.',
      /paragraph s2-p1 links the concepts value-co-creation in Chinese but nothing in English/,
    ],
    [
      'a number changed in translation',
      '2015 年以来增长了 84.3%。',
      'It has grown by 48.3% since 2015.',
      /paragraph s2-p1 states 84\.3 in Chinese, which its English does not/,
    ],
    [
      'a heading of another section (## 4.2. inside section 2)',
      '## 4.2. 标题\n\n甲。',
      '## 4.2. Title\n\nA.',
      /content\/zh\/literature-review\.mdx:1: heading 4\.2 is not a subsection of this page's section 2/,
    ],
    [
      'headings out of order',
      '## 2.2. 乙\n\n乙。\n\n## 2.1. 甲\n\n甲。',
      '## 2.2. B\n\nB.\n\n## 2.1. A\n\nA.',
      /content\/zh\/literature-review\.mdx:5: heading 2\.1 comes after 2\.2/,
    ],
    [
      'a heading level skipped in one language',
      '## 2.1. 甲\n\n甲。',
      '### 2.1. A\n\nA.',
      /content\/en\/literature-review\.mdx:1: heading 2\.1 is written ###; a subsection at this depth is ##/,
    ],
    ['a paragraph missing in English', '甲。\n\n乙。', 'A.', /paragraphs differ at position 2 \(zh: s2-p2, en: none\)/],
  ])('%s', async (_name, zhText, enText, message) => {
    expect(await problems(zhText, enText)).toMatch(message);
  });

  test('`part` differing between the languages', async () => {
    expect(await problems('甲。', 'A.', { zh: { part: 'literature-review' }, en: { part: 'introduction' } })).toMatch(
      /content\/zh\/literature-review\.mdx and content\/en\/literature-review\.mdx belong to different parts: part: literature-review and part: introduction/,
    );
  });

  test('an aligned pair passes: 万 and million, months as numbers and names', async () => {
    expect(await problems('2010 年 4 月，新增 9410 万用户[@vargo2004]。', 'In April 2010, 94.1 million new users [@vargo2004].')).toBe('');
  });
});
