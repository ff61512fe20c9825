// No imports: the search script ships this to the browser.

/**
 * Rewrites a query with the aliases: each known term in it, longest first, becomes this language's term.
 * Words it does not know are left as typed.
 * @example translateQuery('价值共创 xiaomi', { 价值共创: 'value co-creation' }) // 'value co-creation xiaomi'
 */
export function translateQuery(query: string, aliases: Readonly<Record<string, string>>): string {
  let result = query.toLowerCase();
  for (const key of Object.keys(aliases).sort((a, b) => b.length - a.length)) {
    if (result.includes(key)) result = result.replaceAll(key, ` ${aliases[key]} `);
  }
  return result.replace(/\s+/g, ' ').trim();
}
