import type { PageAnchors } from '../anchors/page-anchors';

/** The anchors of one language's version of a page, with the file they came from. */
export interface PageVersion {
  file: string;
  section: string | undefined;
  anchors: Pick<PageAnchors, 'headings' | 'paragraphs'>;
}

/**
 * Checks that two languages' versions of a section carry the same opening section and the same
 * ordered heading and paragraph ids, paragraph for paragraph. Returns the problems found, each
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
  return problems;
}
