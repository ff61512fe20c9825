/**
 * The `_headers` file that Netlify, Cloudflare Pages and similar hosts read: blocks of a path
 * (exact, or ending in `*` for everything under it) and the headers its responses get. The build
 * writes it (src/integrations/security-headers.ts); the test server reads it, so the tests get the
 * headers a reader's browser gets.
 */

/** One block: a path and its headers, each "Name: value". */
export interface HeaderRule {
  path: string;
  headers: string[];
}

/** The file's text for its rules, in order. */
export function formatHeaders(rules: readonly HeaderRule[]): string {
  return `${rules.map(({ path, headers }) => [path, ...headers.map((header) => `  ${header}`)].join('\n')).join('\n')}\n`;
}

/**
 * The rules of a `_headers` file: a line that starts in the first column opens a block, an indented
 * "Name: value" line adds to it; blank lines and `#` comments are skipped. Throws on a header line
 * that is not "Name: value" or comes before any path, naming the line.
 */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule || !/^[\w-]+:/.test(line.trim())) throw new Error(`_headers:${index + 1}: not a header of a path: ${line.trim()}`);
    rule.headers.push(line.trim());
  }
  return rules;
}

/**
 * The headers a response to `pathname` gets: those of every rule whose path matches it, in the
 * file's order (as those hosts join them).
 * @returns [name, value] pairs
 */
export function headersFor(rules: readonly HeaderRule[], pathname: string): [string, string][] {
  return rules
    .filter(({ path }) => (path.endsWith('*') ? pathname.startsWith(path.slice(0, -1)) : pathname === path))
    .flatMap(({ headers }) =>
      headers.map((header): [string, string] => {
        const colon = header.indexOf(':');
        return [header.slice(0, colon).trim(), header.slice(colon + 1).trim()];
      }),
    );
}
