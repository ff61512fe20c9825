import type { Lang } from '../../i18n/utils';
import type { PageAnchors } from '../anchors/page-anchors';

/** The anchors of one language's version of a page, with the file they came from. */
export interface PageVersion {
  file: string;
  section: string | undefined;
  anchors: Pick<PageAnchors, 'headings' | 'paragraphs' | 'sentences' | 'lines'>;
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
  if (problems.length === 0) problems.push(...sentenceProblems(zh, en));
  return problems;
}

/** Each paragraph whose sentence count differs between the languages, with both files' lines. */
function sentenceProblems(zh: PageVersion, en: PageVersion): string[] {
  const count = (version: PageVersion, paragraph: string) => version.anchors.sentences.filter((id) => id.startsWith(`${paragraph}-s`)).length;
  return zh.anchors.paragraphs.flatMap((paragraph) => {
    const [left, right] = [count(zh, paragraph), count(en, paragraph)];
    if (left === right) return [];
    const at = (version: PageVersion) => `${version.file}:${version.anchors.lines[paragraph] ?? '?'}`;
    return [`${at(zh)} and ${at(en)}: paragraph ${paragraph} has ${left} sentences in Chinese and ${right} in English (one sentence per line, the same count in both)`];
  });
}

/**
 * Every page exists in both languages: one message per page that lacks its other version.
 * @param slugs each language's page slugs (content/<lang>/<slug>.mdx)
 */
export function missingTranslations(slugs: Record<Lang, readonly string[]>): string[] {
  const file = (lang: Lang, slug: string) => `content/${lang}/${slug || 'index'}.mdx`;
  return [
    ...slugs.zh.filter((slug) => !slugs.en.includes(slug)).map((slug) => `${file('zh', slug)} has no English translation: add ${file('en', slug)}`),
    ...slugs.en.filter((slug) => !slugs.zh.includes(slug)).map((slug) => `${file('en', slug)} has no Chinese original in content/zh/`),
  ];
}
