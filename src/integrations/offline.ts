import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LANGS } from '../i18n/utils';
import { formatSize } from '../lib/downloads/listing';

/**
 * What the saved copy holds: every page, asset and search file; not the downloads themselves
 * (the reader takes those one by one), nor the worker or the host's headers file.
 */
const SAVED_FILES = {
  globPatterns: ['**/*'],
  globIgnores: ['downloads/**', 'sw.js', '_headers'],
  maximumFileSizeToCacheInBytes: 20_000_000,
};

/** Where the size of the saved copy goes (src/components/OfflineControl.astro). */
const SIZE_SLOT = 'data-download-size="0" data-files="0"';

/**
 * Writes the service worker for offline reading as the very last step of `astro build`, after
 * Pagefind has written its index: Workbox precaches every file of the site, so that once the
 * reader chooses to save it (the downloads page registers the worker, nothing else does), every
 * page in both languages and search work without a network. A new build changes the worker's
 * file list, so a saved copy updates itself on the next visit. It lives at the base path, and so
 * does its scope.
 */
export default function offlineIntegration(): AstroIntegration {
  return {
    name: 'offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // Loaded here rather than with the config: Workbox brings Babel, Rollup and Terser, which a
        // build that fails earlier, and `astro sync`, would load for nothing. Through Node's own
        // require: the config's import() runs in Vite's module runner, closed by the time hooks run.
        const { generateSW, getManifest } = createRequire(import.meta.url)('workbox-build') as typeof import('workbox-build');
        const { count, size } = await getManifest({ globDirectory: site, ...SAVED_FILES });
        for (const lang of LANGS) {
          const file = join(site, lang, 'downloads', 'index.html');
          const html = readFileSync(file, 'utf8');
          if (!html.includes(SIZE_SLOT)) throw new Error(`${file} has no ${SIZE_SLOT} for the size of the saved copy`);
          writeFileSync(file, html.replace(SIZE_SLOT, `data-download-size="${formatSize(size)}" data-files="${count}"`));
        }
        const written = await generateSW({
          globDirectory: site,
          ...SAVED_FILES,
          swDest: join(site, 'sw.js'),
          mode: 'production',
          sourcemap: false,
          inlineWorkboxRuntime: true,
          skipWaiting: true,
          clientsClaim: true,
          cleanupOutdatedCaches: true,
          // `?q=` on the search page, `?p=` for passages, Pagefind's cache-busting `?ts=`: the same file.
          ignoreURLParametersMatching: [/.*/],
          directoryIndex: 'index.html',
          // An address the saved copy lacks gets the site's page-not-found page, which suggests the
          // nearest page, instead of the browser's offline error; the downloads, not saved, are fetched.
          navigateFallback: '404.html',
          navigateFallbackDenylist: [/\/downloads\//],
          // Astro's and Pagefind's file names already carry their content's hash.
          dontCacheBustURLsMatching: /(^_astro\/|\.pf_)/,
        });
        for (const warning of written.warnings) logger.warn(warning);
        logger.info(`sw.js precaches ${written.count} files, ${formatSize(written.size)}`);
      },
    },
  };
}
