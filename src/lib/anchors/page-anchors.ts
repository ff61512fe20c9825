/** What a page holds, for the pages that list it (references' backlinks, glossary, sections.json). */
export interface PageAnchors {
  /** Ids of the numbered headings, in order. */
  headings: string[];
  /** Ids of the paper's paragraphs, in order. */
  paragraphs: string[];
  /** Each citation: its reference number and the nearest heading or paragraph anchor. */
  citations: { ref: number; anchor: string }[];
  /** Each concept annotation: the term id and the nearest heading or paragraph anchor. */
  terms: { term: string; anchor: string }[];
  /** Whether the page has typeset math (it then links KaTeX's stylesheet). */
  math: boolean;
}
