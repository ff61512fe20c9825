/*
 * Text fragments for quotes (docs/contract.md, "Passages, ranges and quotes"):
 * `#PARAGRAPH_ID:~:text=[prefix-,]start[,end]`. A browser matches a text directive only at word
 * boundaries, which for Chinese are found by a dictionary, not by spaces: so the quote is first
 * widened to whole words with Intl.Segmenter, the same segmentation the browser uses. Pure, so
 * unit-tested in Node; the quote offer ships it to the browser.
 */

/** Quotes longer than this many characters are linked by their first and last words (`start,end`). */
const LONG = { zh: 24, en: 60 } as const;
/** How many characters of a long quote's beginning and end (whole words) stand for it. */
const PART = { zh: 8, en: 24 } as const;
/** How many characters before the quote (whole words) tell it apart when its start occurs earlier on the page. */
const PREFIX = { zh: 6, en: 16 } as const;

type Script = keyof typeof LONG;
const script = (locale: string): Script => (/^zh\b/i.test(locale) ? 'zh' : 'en');

/** Where the words of `text` start and end, in order (0 and text.length included). */
function wordBoundaries(text: string, locale: string): number[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  return [...[...segmenter.segment(text)].map((segment) => segment.index), text.length];
}

/** [start, end) widened to whole words, without spaces at either end. */
export function wholeWords(text: string, start: number, end: number, locale: string): [number, number] {
  const boundaries = wordBoundaries(text, locale);
  let from = Math.max(...boundaries.filter((boundary) => boundary <= start));
  let to = Math.min(...boundaries.filter((boundary) => boundary >= end));
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  return [from, to];
}

/** A text directive's term: percent-encoded, with the directive's own syntax characters (`-`, `,`, `&`) escaped. */
export const encodeTerm = (term: string): string => encodeURIComponent(term).replace(/-/g, '%2D');

/**
 * The text directive for text[start, end) of a paragraph (already whole words).
 * @param before the page's text before the paragraph: when the quote's start occurs there or
 *   earlier in the paragraph, the words just before the quote are added as its prefix
 */
export function textDirective(text: string, start: number, end: number, locale: string, before = ''): string {
  const kind = script(locale);
  const boundaries = wordBoundaries(text, locale);
  const quote = text.slice(start, end);
  let terms = [quote];
  if (quote.length > LONG[kind]) {
    const headEnd = boundaries.find((boundary) => boundary >= start + PART[kind]) ?? end;
    const tailStart = [...boundaries].reverse().find((boundary) => boundary <= end - PART[kind]) ?? start;
    if (headEnd < tailStart) terms = [text.slice(start, headEnd).trim(), text.slice(tailStart, end).trim()];
  }
  const head = terms[0] ?? quote;
  const earlier = before + text.slice(0, start);
  let prefix = '';
  if (earlier.includes(head) && start > 0) {
    const from = [...boundaries].reverse().find((boundary) => boundary <= start - PREFIX[kind]) ?? 0;
    prefix = text.slice(from, start).trim();
  }
  return `text=${prefix ? `${encodeTerm(prefix)}-,` : ''}${terms.map(encodeTerm).join(',')}`;
}
