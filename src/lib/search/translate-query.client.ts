// No imports: the search script ships this to the browser.

/** What the build writes for one language's search (pagefind/site-terms.{lang}.json). */
export interface SearchTerms {
  /** A form a reader may type (lowercase) → this language's term. */
  aliases: Record<string, string>;
  /** Traditional → Simplified, for the characters of this corpus. */
  fold: Record<string, string>;
}

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}-]/u;
const isWordChar = (char: string | undefined) => char !== undefined && WORD_CHAR.test(char);

/** Lowercased, quotes dropped, spaces collapsed: the form alias keys are written in. */
export function normaliseQuery(query: string): string {
  return query.toLowerCase().replace(/[“”"]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Rewrites a query with the aliases: each known term in it, longest first, becomes this language's
 * term. A whole query typed as pinyin may have spaces or not ("jiazhi gongchuang"); Latin keys match
 * whole words only, so a short key never rewrites part of a word. A Traditional query with no alias
 * is folded to Simplified. Words it does not know are left as typed: nothing is widened.
 * @example translateQuery('价值共创 xiaomi', { aliases: { 价值共创: 'value co-creation' }, fold: {} }) // 'value co-creation xiaomi'
 */
export function translateQuery(query: string, terms: SearchTerms): string {
  const { aliases, fold } = terms;
  const typed = normaliseQuery(query);
  const compact = typed.replace(/[\s']/g, '');
  const whole = aliases[typed] ?? (/^[a-z]+$/.test(compact) ? aliases[compact] : undefined);
  if (whole) return whole;
  // This language's own terms count as keys too, so that a shorter alias inside one (共创 in 价值共创) is left alone.
  const own = Object.fromEntries(Object.values(aliases).map((term) => [normaliseQuery(term), term]));
  const all: Record<string, string> = { ...own, ...aliases };
  const keys = Object.keys(all).sort((a, b) => b.length - a.length);
  // A scan rather than one regular expression of every key: with Unicode lookarounds for 200-odd
  // keys, compiling it held the first search up for 0.4–3 s on this machine.
  let rewritten = '';
  for (let at = 0; at < typed.length;) {
    const key = keys.find(
      (candidate) =>
        typed.startsWith(candidate, at) &&
        (HAN.test(candidate) || (!isWordChar(typed[at - 1]) && !isWordChar(typed[at + candidate.length]))),
    );
    rewritten += key ? ` ${all[key] ?? key} ` : typed[at];
    at += key ? key.length : 1;
  }
  const result = rewritten.replace(/\s+/g, ' ').trim();
  if (result !== typed || !HAN.test(typed)) return result;
  const folded = [...typed].map((char) => fold[char] ?? char).join('');
  return folded === typed ? typed : translateQuery(folded, { aliases, fold: {} });
}
