import { createHash } from 'node:crypto';

/**
 * The CSP hash of an inline script, for `Astro.csp.insertScriptHash`: Astro hashes the scripts it
 * bundles, not `is:inline` ones, which the policy would otherwise refuse.
 */
export function scriptHash(source: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(source).digest('base64')}`;
}

/** A policy's hash sources, as Astro writes them in script-src and style-src-elem. */
const HASH_SOURCE = /'sha256-[A-Za-z0-9+/=]+'/g;

/**
 * Leaves in a page's `<meta>` policy only the hashes of the inline scripts and styles that page
 * carries. Astro lists the hashes of every script and style its build might put on a page — two
 * dozen, most of them for other pages — and each is 50 bytes that gzip cannot shrink, in a first
 * view that has 20 KB in all. A hash that matches nothing on the page allows nothing there.
 * @returns the page, its policy pruned (unchanged if it has no policy)
 */
export function pruneUnusedHashes(html: string): string {
  const present = new Set<string>();
  for (const [, attributes = '', body = ''] of html.matchAll(/<(?:script|style)\b([^>]*)>([\s\S]*?)<\/(?:script|style)>/g)) {
    // Data blocks (JSON-LD) never run, and scripts with src are allowed by 'self'.
    if (/\bsrc=|type="application\/(?:ld\+)?json"/.test(attributes)) continue;
    present.add(`'${scriptHash(body)}'`);
  }
  return html.replace(/(<meta http-equiv="content-security-policy" content=")([^"]*)"/, (_match, start: string, policy: string) => {
    const quoted = policy.replaceAll('&#39;', "'");
    const pruned = quoted
      .replace(HASH_SOURCE, (source) => (present.has(source) ? source : ''))
      .replace(/ {2,}/g, ' ')
      .replace(/ (;|$)/g, '$1');
    return `${start}${policy.includes('&#39;') ? pruned.replaceAll("'", '&#39;') : pruned}"`;
  });
}
