import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pruneUnusedHashes } from '../lib/site/csp';
import { formatHeaders, type HeaderRule } from '../lib/site/host-headers';
import { normaliseBase } from '../lib/site/urls';

/** Headers every response gets on hosts that read a `_headers` file (Netlify, Cloudflare Pages …). */
const COMMON_HEADERS = [
  'X-Content-Type-Options: nosniff',
  'Referrer-Policy: strict-origin-when-cross-origin',
  'Permissions-Policy: camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy: same-origin',
  // No X-Frame-Options / frame-ancestors: course platforms may show a section in a frame.
];

/** Astro names the files of _astro/ by their content's hash: a browser may keep them for good. */
const HASHED_ASSETS = 'Cache-Control: public, max-age=31536000, immutable';

/**
 * Writes `_headers` after the build: the common security headers for every path, lasting caching
 * for the hashed assets, and for each page the Content-Security-Policy that Astro put in its
 * `<meta>`, first pruned to the hashes of what that page carries (so they differ per page), so
 * hosts can send the policy as a real header.
 */
export default function securityHeadersIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const pages = (await readdir(site, { recursive: true }))
          .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
          .sort();
        const rules: HeaderRule[] = [
          { path: `${base}*`, headers: COMMON_HEADERS },
          { path: `${base}_astro/*`, headers: [HASHED_ASSETS] },
        ];
        let policies = 0;
        for (const file of pages) {
          const built = await readFile(join(site, file), 'utf8');
          const html = pruneUnusedHashes(built);
          if (html !== built) await writeFile(join(site, file), html);
          const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
          if (!policy) continue;
          const path = `${base}${file.replace(/index\.html$/, '').replace(/\\/g, '/')}`;
          rules.push({ path, headers: [`Content-Security-Policy: ${policy.replaceAll('&#39;', "'").replaceAll('&quot;', '"')}`] });
          policies++;
        }
        await writeFile(join(site, '_headers'), formatHeaders(rules));
        logger.info(`wrote _headers for ${policies} pages`);
      },
    },
  };
}
