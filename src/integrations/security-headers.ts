import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pruneUnusedHashes } from '../lib/site/csp';
import { normaliseBase } from '../lib/site/urls';

/** Headers every response gets on hosts that read a `_headers` file (Netlify, Cloudflare Pages …). */
const COMMON_HEADERS = [
  'X-Content-Type-Options: nosniff',
  'Referrer-Policy: strict-origin-when-cross-origin',
  'Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy: same-origin',
  // No X-Frame-Options / frame-ancestors: course platforms may show a section in a frame.
];

/**
 * Writes `_headers` after the build: the common security headers for every path, and for each
 * page the Content-Security-Policy that Astro put in its `<meta>`, first pruned to the hashes of
 * what that page carries (so they differ per page), so hosts can send the policy as a real header.
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
        const blocks = [`${base}*\n${COMMON_HEADERS.map((header) => `  ${header}`).join('\n')}`];
        for (const file of pages) {
          const built = await readFile(join(site, file), 'utf8');
          const html = pruneUnusedHashes(built);
          if (html !== built) await writeFile(join(site, file), html);
          const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
          if (!policy) continue;
          const path = `${base}${file.replace(/index\.html$/, '').replace(/\\/g, '/')}`;
          blocks.push(`${path}\n  Content-Security-Policy: ${policy.replaceAll('&#39;', "'").replaceAll('&quot;', '"')}`);
        }
        await writeFile(join(site, '_headers'), `${blocks.join('\n')}\n`);
        logger.info(`wrote _headers for ${blocks.length - 1} pages`);
      },
    },
  };
}
