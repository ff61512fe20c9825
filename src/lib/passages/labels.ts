import { parseAnchor } from '../anchors/ids';

/*
 * Names of passages for the quote offer and the assigned-passage bar, from the page's UI strings
 * (src/i18n/ui.ts, handed to the browser in a data attribute). Pure, so unit-tested in Node.
 */

/** The UI strings the passage tools use, in the order the page hands them over (Passages.astro). */
export const PASSAGE_STRING_KEYS = [
  'passage.offer',
  'passage.copyQuote',
  'passage.copyLink',
  'passage.copyRange',
  'passage.quoteCopied',
  'passage.linkCopied',
  'passage.paragraphs',
  'passage.sentences',
  'passage.paragraph',
  'passage.sentence',
  'passage.assigned',
  'passage.showAll',
  'passage.ignored',
  'passage.close',
  'anchor.paragraph',
  'anchor.sentence',
] as const;

/** The UI strings a passage label uses, by key ("passage.paragraphs" …). */
export type PassageStrings = Readonly<Record<(typeof PASSAGE_STRING_KEYS)[number], string>>;

/**
 * The strings a page handed over as a JSON list in PASSAGE_STRING_KEYS' order (a list, not an
 * object: the keys would cost every section page's first view their bytes), by key again.
 */
export function passageStrings(json: string | undefined): PassageStrings {
  const values = JSON.parse(json ?? '[]') as (string | undefined)[];
  return Object.fromEntries(PASSAGE_STRING_KEYS.map((key, index) => [key, values[index] ?? ''])) as PassageStrings;
}

/** Fills `{name}` placeholders. */
export function fill(template: string | undefined, values: Readonly<Record<string, string | number>>): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/**
 * A `?p=` value read back: "s3-2-1-p2..s3-2-1-p4" → both ids. What a teacher may type instead is
 * read the same way: one id alone (a passage of one), or the ids joined by "...", "…", "–" or "—".
 * Anything else → undefined.
 */
export function parseRange(value: string | null): { first: string; last: string } | undefined {
  const match = /^([\w-]+)(?:(?:\.{2,3}|[…–—])([\w-]+))?$/.exec((value ?? '').trim());
  return match?.[1] ? { first: match[1], last: match[2] ?? match[1] } : undefined;
}

/** The `?p=` link of a passage on a page: `…/?p=FIRST..LAST#FIRST` (docs/contract.md, "Passages, ranges and quotes"). */
export function rangeUrl(pageUrl: string, first: string, last: string): string {
  const url = new URL(pageUrl);
  url.search = `?p=${first}..${last}`;
  url.hash = first;
  return url.href;
}

/**
 * A passage's short name: "¶2–4" (paragraphs of one section), "¶2, sentences 2–4" (sentences
 * of one paragraph), otherwise both ends named in full ("§3.3 ¶1–§3.3.1 ¶1").
 */
export function rangeLabel(first: string, last: string, strings: PassageStrings): string {
  const a = parseAnchor(first);
  const b = parseAnchor(last);
  if (a?.paragraph === undefined || b?.paragraph === undefined) return `${first}–${last}`;
  if (first === last) {
    return a.sentence === undefined
      ? fill(strings['passage.paragraph'], { n: a.paragraph })
      : fill(strings['passage.sentence'], { paragraph: a.paragraph, n: a.sentence });
  }
  if (a.section === b.section && a.sentence === undefined && b.sentence === undefined) {
    return fill(strings['passage.paragraphs'], { first: a.paragraph, last: b.paragraph });
  }
  if (a.section === b.section && a.paragraph === b.paragraph && a.sentence !== undefined && b.sentence !== undefined) {
    return fill(strings['passage.sentences'], { paragraph: a.paragraph, first: a.sentence, last: b.sentence });
  }
  const full = (place: NonNullable<typeof a>) =>
    place.sentence === undefined
      ? fill(strings['anchor.paragraph'], { section: place.section, n: place.paragraph ?? '' })
      : fill(strings['anchor.sentence'], { section: place.section, paragraph: place.paragraph ?? '', n: place.sentence });
  return `${full(a)}–${full(b)}`;
}
