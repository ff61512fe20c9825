/**
 * The contract's anchors for paper sections and paragraphs (see docs/contract.md, "Anchors").
 * Section "3.2.1" is `#s3-2-1`; its second paragraph is `#s3-2-1-p2`.
 */

/** A paper section number: digits separated by dots, e.g. "3.2.1". */
export const SECTION_NUMBER = /^\d+(?:\.\d+)*$/;

/**
 * A heading that starts with a section number, as the paper writes them: "2.1. 价值共创理论研究".
 * Group 1 is the number, group 2 the title after the optional dot and the space.
 */
export const NUMBERED_HEADING = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/s;

/** @example sectionAnchor('3.2.1') // 's3-2-1' */
export function sectionAnchor(section: string): string {
  return `s${section.replaceAll('.', '-')}`;
}

/** @example paragraphAnchor('3.2.1', 2) // 's3-2-1-p2' */
export function paragraphAnchor(section: string, index: number): string {
  return `${sectionAnchor(section)}-p${index}`;
}

/**
 * A note added by this site, never a paper paragraph: its section and its place among the
 * section's notes in its own language ("ids of another form", docs/contract.md, "Anchors"; the
 * contract does not list them, so they are not promised to course sites).
 * @example noteAnchor('3.1', 2) // 's3-1-note-2'
 */
export function noteAnchor(section: string, index: number): string {
  return `${sectionAnchor(section)}-note-${index}`;
}

/** The section of a note's anchor: "s3-1-note-2" → "3.1"; undefined for any other id. */
export function noteSection(id: string): string | undefined {
  return /^s(\d+(?:-\d+)*)-note-\d+$/.exec(id)?.[1]?.replaceAll('-', '.');
}

/** Orders section numbers as the paper does: 3 < 3.1 < 3.2 < 3.2.1 < 3.3 < 4. */
export function compareSections(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? -1) - (right[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Reads a contract anchor back: "s3-2-1-p2-s3" → { section: "3.2.1", paragraph: 2, sentence: 3 };
 * "s3-2-1-p2" → { section: "3.2.1", paragraph: 2 }; "s2-1" → { section: "2.1" }.
 * Returns undefined for any other id.
 */
export function parseAnchor(id: string): { section: string; paragraph?: number; sentence?: number } | undefined {
  const match = /^s(\d+(?:-\d+)*)(?:-p(\d+)(?:-s(\d+))?)?$/.exec(id);
  if (!match?.[1]) return undefined;
  const section = match[1].replaceAll('-', '.');
  if (!match[2]) return { section };
  return match[3] ? { section, paragraph: Number(match[2]), sentence: Number(match[3]) } : { section, paragraph: Number(match[2]) };
}

/** Whether an id is a paper paragraph's anchor ("s3-2-1-p2"), not a heading's nor a sentence's. */
export function isParagraphAnchor(id: string): boolean {
  const parsed = parseAnchor(id);
  return parsed?.paragraph !== undefined && parsed.sentence === undefined;
}

/** Whether an id is a section heading's anchor ("s3-2-1"), not a paragraph's ("s3-2-1-p2") nor any other id. */
export function isSectionAnchor(id: string): boolean {
  const parsed = parseAnchor(id);
  return parsed !== undefined && parsed.paragraph === undefined;
}

/** The anchor of reference [n] on the references page: "ref-3". */
export function referenceAnchor(number: number): string {
  return `ref-${number}`;
}

/** The anchor of a concept on the glossary page: "term-value-co-creation". */
export function termAnchor(id: string): string {
  return `term-${id}`;
}

/** The anchors the about page sets itself; its other headings come from content/{lang}/about.mdx. */
export const ABOUT_ANCHORS = { paper: 'paper', translation: 'translation' } as const;

/** Id of the hidden preview that describes a citation link (rendered by the page layout). */
export function referencePreviewId(number: number): string {
  return `preview-ref-${number}`;
}

/** Id of the hidden definition that describes a concept link (rendered by the page layout). */
export function termPreviewId(id: string): string {
  return `preview-term-${id}`;
}

/** @example sentenceAnchor('s3-2-1-p2', 3) // 's3-2-1-p2-s3' */
export function sentenceAnchor(paragraphId: string, index: number): string {
  return `${paragraphId}-s${index}`;
}
