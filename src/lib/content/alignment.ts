import type { Lang } from '../../i18n/utils';
import { compareSections, parseAnchor } from '../anchors/ids';
import type { PageAnchors } from '../anchors/page-anchors';

/** The anchors of one language's version of a page, with the file they came from. */
export interface PageVersion {
  file: string;
  section: string | undefined;
  /** The frontmatter's `part`. */
  part: string;
  anchors: Pick<PageAnchors, 'headings' | 'paragraphs' | 'sentences' | 'lines' | 'citations' | 'terms' | 'levels' | 'numbers' | 'bare'>;
}

/** `file:line` of an anchor of a version, for messages. */
const at = (version: PageVersion, id: string) => `${version.file}:${version.anchors.lines[id] ?? '?'}`;

/**
 * One version's own headings: each numbered heading is a subsection of the page's section, in
 * the paper's order, at the level its depth gives (`##` for 3.1 on the page of 3, `###` for 3.1.1).
 */
function headingProblems(version: PageVersion): string[] {
  const { section } = version;
  if (section === undefined) return [];
  let previous: string | undefined;
  return version.anchors.headings.flatMap((id) => {
    const number = parseAnchor(id)?.section ?? id;
    const problems: string[] = [];
    if (!number.startsWith(`${section}.`)) problems.push(`${at(version, id)}: heading ${number} is not a subsection of this page's section ${section}`);
    else if (previous && compareSections(previous, number) >= 0) problems.push(`${at(version, id)}: heading ${number} comes after ${previous}: headings go in the paper's order`);
    const level = version.anchors.levels[id];
    const expected = 1 + number.split('.').length - section.split('.').length;
    if (level !== undefined && level !== expected) {
      problems.push(`${at(version, id)}: heading ${number} is written ${'#'.repeat(level)}; a subsection at this depth is ${'#'.repeat(expected)}`);
    }
    previous = number;
    return problems;
  });
}

/**
 * Checks that two languages' versions of a section carry the same opening section, the same
 * ordered heading and paragraph ids, and the same number of sentences in each paragraph
 * (docs/contract.md, "Sentences"). Returns the problems found, each
 * naming both files; an empty list means aligned.
 */
export function alignmentProblems(zh: PageVersion, en: PageVersion): string[] {
  const problems: string[] = [];
  const pair = `${zh.file} and ${en.file}`;
  if (zh.section !== en.section) problems.push(`${pair} open different sections: ${zh.section} and ${en.section}`);
  if (zh.part !== en.part) problems.push(`${pair} belong to different parts: part: ${zh.part} and part: ${en.part}`);
  problems.push(...headingProblems(zh), ...headingProblems(en));
  for (const kind of ['headings', 'paragraphs'] as const) {
    const left = zh.anchors[kind];
    const right = en.anchors[kind];
    if (left.join() !== right.join()) {
      const firstDifference = left.findIndex((id, index) => id !== right[index]);
      const at = firstDifference === -1 ? left.length : firstDifference;
      problems.push(
        `${pair} no longer align: ${kind} differ at position ${at + 1} (zh: ${left[at] ?? 'none'}, en: ${right[at] ?? 'none'}); zh has ${left.length}, en has ${right.length}`,
      );
    }
  }
  if (problems.length === 0) problems.push(...sentenceProblems(zh, en), ...paragraphProblems(zh, en));
  return problems;
}

/**
 * Per paragraph, what a translation keeps: the same citations in the same order, the same
 * concepts, the Chinese numbers, and text besides the citations.
 */
function paragraphProblems(zh: PageVersion, en: PageVersion): string[] {
  const refs = (version: PageVersion, id: string) => version.anchors.citations.filter((citation) => citation.anchor === id).map((citation) => `[${citation.ref}]`);
  const terms = (version: PageVersion, id: string) => [...new Set(version.anchors.terms.filter((term) => term.anchor === id).map((term) => term.term))].sort();
  const checks: [string, (version: PageVersion, id: string) => string[], string][] = [
    ['cites', refs, 'the same references, in the same order'],
    ['links the concepts', terms, 'the same term: links'],
  ];
  const problems = zh.anchors.paragraphs.flatMap((id) =>
    checks.flatMap(([verb, of, rule]) => {
      const [left, right] = [of(zh, id), of(en, id)];
      if (left.join(' ') === right.join(' ')) return [];
      const list = (items: string[]) => items.join(' ') || 'nothing';
      return [`${at(zh, id)} and ${at(en, id)}: paragraph ${id} ${verb} ${list(left)} in Chinese but ${list(right)} in English (${rule})`];
    }),
  );
  // Numbers: every one the Chinese writes in digits is in the English. (The English may write more
  // in digits: 万名 is "10,000".) A month is left out: "4 月" is "April".
  for (const id of zh.anchors.paragraphs) {
    const english = [...(en.anchors.numbers[id] ?? [])];
    const missing = (zh.anchors.numbers[id] ?? []).filter((number) => {
      const found = english.indexOf(number);
      if (found >= 0) english.splice(found, 1);
      return found < 0;
    });
    if (missing.length) problems.push(`${at(zh, id)} and ${at(en, id)}: paragraph ${id} states ${missing.join(' ')} in Chinese, which its English does not (the same figures, in digits)`);
  }
  for (const [version, language] of [
    [zh, 'Chinese'],
    [en, 'English'],
  ] as const) {
    for (const id of version.anchors.bare) problems.push(`${at(version, id)}: paragraph ${id} has no text besides its citations in ${language}`);
  }
  return problems;
}

/** Each paragraph whose sentence count differs between the languages, with both files' lines. */
function sentenceProblems(zh: PageVersion, en: PageVersion): string[] {
  const count = (version: PageVersion, paragraph: string) => version.anchors.sentences.filter((id) => id.startsWith(`${paragraph}-s`)).length;
  return zh.anchors.paragraphs.flatMap((paragraph) => {
    const [left, right] = [count(zh, paragraph), count(en, paragraph)];
    if (left === right) return [];
    return [`${at(zh, paragraph)} and ${at(en, paragraph)}: paragraph ${paragraph} has ${left} sentences in Chinese and ${right} in English (one sentence per line, the same count in both)`];
  });
}

/**
 * Every page exists in both languages: one message per page that lacks its other version.
 * @param pages every page's language and slug (content/<lang>/<slug>.mdx)
 */
export function missingTranslations(pages: readonly { lang: Lang; slug: string }[]): string[] {
  const file = (lang: Lang, slug: string) => `content/${lang}/${slug || 'index'}.mdx`;
  const slugs = (lang: Lang) => pages.filter((page) => page.lang === lang).map((page) => page.slug);
  const [zh, en] = [slugs('zh'), slugs('en')];
  return [
    ...zh.filter((slug) => !en.includes(slug)).map((slug) => `${file('zh', slug)} has no English translation: add ${file('en', slug)}`),
    ...en.filter((slug) => !zh.includes(slug)).map((slug) => `${file('en', slug)} has no Chinese original in content/zh/`),
  ];
}
