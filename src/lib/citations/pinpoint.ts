import { parseAnchor } from '../anchors/ids';

/*
 * Pinpoint citations of a quoted passage: the page's citation of the paper (or, on English pages,
 * of the translation) narrowed to a section and a paragraph. Pure and import-light: the quote
 * offer ships it to the browser.
 */

/** How a page cites the work its text belongs to, computed at build time. */
export interface QuoteCitation {
  /** `apa`: APA 7 author–date (English pages); `gbt`: GB/T 7714-2015 numeric (Chinese pages). */
  style: 'apa' | 'gbt';
  /** The in-text citation without a locator: "(Jin & Wu, 2024/2026)" or "[1]". */
  inText: string;
  /** The reference-list entry, plain text ("[1] " included for GB/T). */
  reference: string;
}

/**
 * The in-text citation of one paragraph (a paragraph or sentence id; a sentence cites its paragraph).
 * APA 7 (8.13, quotations from sources without page numbers) names the section heading and the
 * paragraph; GB/T 7714-2015 (10.1.3) puts the locator after the number, here in words.
 * @example pinpoint({ style: 'apa', inText: '(Jin & Wu, 2024)', … }, 's3-2-1-p2') // '(Jin & Wu, 2024, Section 3.2.1, para. 2)'
 * @example pinpoint({ style: 'gbt', inText: '[1]', … }, 's3-2-1-p2') // '[1]（3.2.1 节第 2 段）'
 */
export function pinpoint(citation: QuoteCitation, id: string): string {
  const place = parseAnchor(id);
  if (place?.paragraph === undefined) throw new Error(`Not a paragraph or sentence id: ${id}`);
  if (citation.style === 'gbt') return `${citation.inText}（${place.section} 节第 ${place.paragraph} 段）`;
  if (!citation.inText.endsWith(')')) throw new Error(`Not an APA in-text citation: ${citation.inText}`);
  return `${citation.inText.slice(0, -1)}, Section ${place.section}, para. ${place.paragraph})`;
}

/** The end of a GB/T 7714-2015 reference to an online source: ". " and its address, as text or as a link. */
const ADDRESS = /\. ((?:<a [^>]*>)?https?:\/\/\S+)$/;

/**
 * A GB/T 7714-2015 reference (text or HTML) with `inserted` where the date of access goes: after
 * its date of publication, before its address (8.8.2). Unchanged if it has no address.
 */
export function atAccessDate(reference: string, inserted: string): string {
  return reference.replace(ADDRESS, `${inserted}. $1`);
}

/**
 * A quotation with its pinpoint citation and, after a blank line, the reference entry: what the
 * quote offer puts on the clipboard. Whitespace inside the quote is collapsed. A GB/T reference
 * gives `accessed` (YYYY-MM-DD, the day the reader copies it) as its date of access.
 */
export function citedQuote(text: string, id: string, citation: QuoteCitation, accessed: string): string {
  const quote = text.replace(/\s+/g, ' ').trim();
  const separator = citation.style === 'apa' ? ' ' : '';
  const reference = citation.style === 'gbt' ? atAccessDate(citation.reference, `[${accessed}]`) : citation.reference;
  return `“${quote}”${separator}${pinpoint(citation, id)}\n\n${reference}`;
}
