// No imports: the search script ships this to the browser.

/** The parts of Pagefind's result data (`await result.data()`) that ranking reads. */
export interface PlaceAnchor {
  element: string;
  id: string;
  title?: string;
  text?: string;
  location: number;
}
export interface Place {
  title: string;
  url: string;
  excerpt: string;
  anchor?: PlaceAnchor;
}
export interface PageData {
  url: string;
  excerpt: string;
  raw_content?: string;
  meta: Record<string, string | undefined>;
  anchors: PlaceAnchor[];
  sub_results: Place[];
}

/** How well a place matches: the whole query as typed, every word of it, or only some. */
const MATCH = { some: 1, everyWord: 2, whole: 3 } as const;

export interface RankedPlace extends Place {
  match: number;
}
export interface RankedPage {
  page: PageData;
  /** Its places, best first: only those with every word when there are any. */
  places: RankedPlace[];
  match: number;
}

/** Text compared without case, spaces, hyphens, punctuation or Pagefind's word breaks. */
const folded = (text: string) => text.toLowerCase().replace(/[\s\u200b\p{P}]/gu, '');

/** The words of a page as Pagefind numbers them (its locations index this list). */
const wordsOf = (content: string) => (content.includes('\u200b') ? content.split('\u200b') : content.split(/[^\S\uFEFF]+/));

/** Pagefind's own test for an anchor that starts a sub-result. */
const startsPlace = (anchor: PlaceAnchor) =>
  Boolean(anchor.title?.trim()) || (/^h\d$/i.test(anchor.element) && Boolean(anchor.text?.trim()));

/**
 * Orders pages and their places (Pagefind's sub-results) so that the place holding the query comes
 * first: a place with the whole query outranks one with all its words, which outranks one with some;
 * among equals a place whose title is the query (the glossary's exact concept) comes first, then
 * Pagefind's order. A page keeps only its places with every word when it has any, so the glossary
 * lists only the concepts that match. Pages follow their best place, then Pagefind's order.
 */
export function rankResults(query: string, pages: readonly PageData[]): RankedPage[] {
  const whole = folded(query);
  const words = query.split(/\s+/).map(folded).filter(Boolean);
  const ranked = pages.map((page) => {
    const content = wordsOf(page.raw_content ?? '');
    const joiner = page.raw_content?.includes('\u200b') ? '' : ' ';
    const starts = page.anchors.filter(startsPlace).map((anchor) => anchor.location);
    const textOf = (place: Place) => {
      const from = place.anchor?.location ?? 0;
      const to = starts.filter((start) => start > from).reduce((min, start) => Math.min(min, start), content.length);
      return folded(content.slice(from, to).join(joiner));
    };
    const places = page.sub_results.map((place, order) => {
      const text = textOf(place);
      const match = whole && text.includes(whole) ? MATCH.whole : words.every((word) => text.includes(word)) ? MATCH.everyWord : MATCH.some;
      return { ...place, match, exactTitle: folded(place.title) === whole, order };
    });
    const best = Math.max(MATCH.some, ...places.map((place) => place.match));
    const kept = places
      .filter((place) => best === MATCH.some || place.match >= MATCH.everyWord)
      .sort((a, b) => b.match - a.match || Number(b.exactTitle) - Number(a.exactTitle) || a.order - b.order)
      .map(({ exactTitle: _exactTitle, order: _order, ...place }) => place);
    return { page, places: kept, match: best };
  });
  return ranked
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => b.entry.match - a.entry.match || a.order - b.order)
    .map(({ entry }) => entry);
}
