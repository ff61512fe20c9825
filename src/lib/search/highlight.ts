/**
 * Pagefind's URL parameter carrying the words a page opened from a search result highlights: set by
 * the result list (search-ui.ts), read and then removed on arrival (highlight-arrival.client.ts).
 */
export const HIGHLIGHT_PARAM = 'highlight';

const QUOTES = /^["'“”‘’「」]+|["'“”‘’「」]+$/g;
const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of a phrase: split at spaces, quotes taken off, a run of Chinese cut into its words of two characters or more. */
function wordsOf(phrase: string): string[] {
  return phrase
    .split(/\s+/)
    .map((word) => word.replace(QUOTES, ''))
    .flatMap((word) =>
      HAN.test(word) ? [...segmenter.segment(word)].map(({ segment }) => segment).filter((segment) => segment.length > 1) : [word],
    );
}

/**
 * The phrases a result's page highlights: what the reader typed, the term it was searched as (an
 * alias's), and the words of both, so that a place matching the words apart is marked too. Whole,
 * unlike Pagefind's own parameters, which drop hyphens ("assetlight" marks nothing) and split
 * Chinese into characters (every 米 of 小米 for 米家).
 */
export function highlightPhrases(query: string, term: string): string[] {
  const phrases = [query, term].map((phrase) => phrase.trim().replace(QUOTES, ''));
  return [...new Set([...phrases, ...phrases.flatMap(wordsOf)])].filter(Boolean);
}

/** A result's link with `phrases` as its highlight parameters in place of Pagefind's. */
export function withHighlights(url: string, phrases: readonly string[]): string {
  const parsed = new URL(url, 'https://relative.invalid');
  parsed.searchParams.delete(HIGHLIGHT_PARAM);
  for (const phrase of phrases) parsed.searchParams.append(HIGHLIGHT_PARAM, phrase);
  return parsed.origin === 'https://relative.invalid' ? `${parsed.pathname}${parsed.search}${parsed.hash}` : parsed.href;
}
