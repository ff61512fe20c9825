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
  /** The source line of each paragraph, by id, for messages that point at the file. */
  lines: Record<string, number>;
  /** Each citation: its reference number and the nearest heading or paragraph anchor. */
  citations: { ref: number; anchor: string }[];
  /** Each concept annotation: the term id and the nearest heading or paragraph anchor. */
  terms: { term: string; anchor: string }[];
  /** Whether the page has typeset math (it then links KaTeX's stylesheet). */
  math: boolean;
}
