/**
 * Pagefind's URL parameter carrying the words a page opened from a search result highlights: set by
 * the result list (search-ui.ts), read and then removed on arrival (highlight-arrival.client.ts).
 */
export const HIGHLIGHT_PARAM = 'highlight';

/**
 * The phrases a result's page highlights: what the reader typed, the term it was searched as (an
 * alias's), and for several words each word. Whole, unlike Pagefind's own parameters, which drop
 * hyphens ("assetlight" marks nothing) and split Chinese into characters (every 米 of 小米 for 米家).
 */
export function highlightPhrases(query: string, term: string): string[] {
  const typed = query.trim();
  const words = typed.split(/\s+/);
  return [...new Set([typed, term.trim(), ...(words.length > 1 ? words : [])])].filter(Boolean);
}

/** A result's link with `phrases` as its highlight parameters in place of Pagefind's. */
export function withHighlights(url: string, phrases: readonly string[]): string {
  const parsed = new URL(url, 'https://relative.invalid');
  parsed.searchParams.delete(HIGHLIGHT_PARAM);
  for (const phrase of phrases) parsed.searchParams.append(HIGHLIGHT_PARAM, phrase);
  return parsed.origin === 'https://relative.invalid' ? `${parsed.pathname}${parsed.search}${parsed.hash}` : parsed.href;
}
