import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LANGS } from '../i18n/utils';
import { formatSize } from '../lib/downloads/listing';
import { bundleWorker, withManifest } from '../lib/site/offline-worker';

/**
 * What the saved copy holds: every page, asset and search file; not the downloads themselves
 * (the reader takes those one by one), nor the worker or the host's headers file.
 */
const SAVED_FILES = {
  globPatterns: ['**/*'],
  globIgnores: ['downloads/**', 'sw.js', '_headers'],
  maximumFileSizeToCacheInBytes: 20_000_000,
  // Astro's and Pagefind's file names already carry their content's hash.
  dontCacheBustURLsMatching: /(^_astro\/|\.pf_)/,
};

/** Where the size of the saved copy goes (src/components/OfflineControl.astro). */
const SIZE_SLOT = 'data-download-size="0" data-files="0"';

/**
 * Writes the service worker for offline reading as the very last step of `astro build`, after
 * Pagefind has written its index: Workbox (src/lib/site/offline-worker.sw.js) precaches every
 * file of the site, so that once the reader chooses to save it (the downloads page registers the
 * worker, nothing else does), every page in both languages and search work without a network. A
 * new build changes the worker's file list, so a saved copy updates itself on the next visit. It
 * lives at the base path, and so does its scope.
 */
export default function offlineIntegration(): AstroIntegration {
  return {
    name: 'offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // getManifest's own module: the package's entry loads generateSW's Babel, Rollup and Terser
        // too. Here rather than with the config, which `astro sync` and a build that fails early
        // load as well, and through Node's own require: the config's import() runs in Vite's
        // module runner, closed by the time hooks run.
        const { getManifest } = createRequire(import.meta.url)(
          'workbox-build/build/get-manifest',
        ) as typeof import('workbox-build/build/get-manifest');
        const saved = () => getManifest({ globDirectory: site, ...SAVED_FILES });
        const { count, size } = await saved();
        for (const lang of LANGS) {
          const file = join(site, lang, 'downloads', 'index.html');
          const html = readFileSync(file, 'utf8');
          if (!html.includes(SIZE_SLOT)) throw new Error(`${file} has no ${SIZE_SLOT} for the size of the saved copy`);
          writeFileSync(file, html.replace(SIZE_SLOT, `data-download-size="${formatSize(size)}" data-files="${count}"`));
        }
        // The list again, now that the downloads pages give the size.
        const manifest = await saved();
        for (const warning of manifest.warnings) logger.warn(warning);
        // The worker answers an address the copy lacks with 404.html: without it, saving would fail.
        if (!manifest.manifestEntries.some(({ url }) => url === '404.html'))
          throw new Error(`The saved copy would lack 404.html (${manifest.count} files listed)`);
        writeFileSync(join(site, 'sw.js'), withManifest(await bundleWorker(), manifest.manifestEntries));
        logger.info(`sw.js precaches ${manifest.count} files, ${formatSize(manifest.size)}`);
      },
    },
  };
}
