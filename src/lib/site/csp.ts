import { createHash } from 'node:crypto';

/**
 * The CSP hash of an inline script, for `Astro.csp.insertScriptHash`: Astro hashes the scripts it
 * bundles, not `is:inline` ones, which the policy would otherwise refuse.
 */
export function scriptHash(source: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(source).digest('base64')}`;
}
