/** What a page holds, for the pages that list it (references' backlinks, glossary, sections.json). */
export interface PageAnchors {
  /** Ids of the numbered headings, in order. */
  headings: string[];
  /** Ids of the paper's paragraphs, in order. */
  paragraphs: string[];
  /** Ids of the paragraphs' sentences, in order ("s3-2-1-p2-s1" …). */
  sentences: string[];
  /** The plain text of each paper paragraph, by id, as a reader sees it (for /paragraphs.json). */
  texts: Record<string, string>;
  /** The source line of each paragraph and numbered heading, by id, for messages that point at the file. */
  lines: Record<string, number>;
  /** Each citation: its reference number and the nearest heading or paragraph anchor. */
  citations: { ref: number; anchor: string }[];
  /** Each concept annotation: the term id and the nearest heading or paragraph anchor. */
  terms: { term: string; anchor: string }[];
  /** Whether the page has typeset math (it then links KaTeX's stylesheet). */
  math: boolean;
  /** Each numbered heading's level (2 for `##`), by id, for the alignment of the two languages. */
  levels: Record<string, number>;
  /** The numbers (digit runs, thousands separators dropped) of each paper paragraph, by id: both languages state the same ones. */
  numbers: Record<string, string[]>;
  /** Paper paragraphs with no text besides their citations: a translation that lost its words. */
  bare: string[];
}
