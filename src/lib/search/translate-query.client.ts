// No imports: the search script ships this to the browser.

/**
 * Rewrites a query with the aliases: each known term in it, longest first, becomes this language's term.
 * Words it does not know are left as typed; a query that only begins a term stands for that term.
 * @example translateQuery('价值共创 xiaomi', { 价值共创: 'value co-creation' }) // 'value co-creation xiaomi'
 */
export function translateQuery(query: string, aliases: Readonly<Record<string, string>>): string {
  const keys = Object.keys(aliases).sort((a, b) => b.length - a.length);
  let result = query.toLowerCase().trim();
  const known = keys.filter((key) => result.includes(key));
  if (known.length === 0) {
    // A term typed only in part (“light-asset” for “light-asset model”): the shortest term it starts.
    const started = keys.filter((key) => result.length >= 4 && key.startsWith(result)).at(-1);
    return started ? (aliases[started] ?? result) : result;
  }
  for (const key of known) result = result.replaceAll(key, ` ${aliases[key]} `);
  return result.replace(/\s+/g, ' ').trim();
}
