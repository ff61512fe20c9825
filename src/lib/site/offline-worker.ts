import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import type { ManifestEntry } from 'workbox-build';

/** The worker's source: Workbox's precaching and routing, set up for the saved copy. */
const WORKER = fileURLToPath(new URL('./offline-worker.sw.js', import.meta.url));
/** Where the worker's source takes the list of files to save. */
const MANIFEST_SLOT = 'self.__WB_MANIFEST';

/**
 * The worker as browsers load it: one classic script with Workbox's modules in it, minified by
 * Rolldown (Vite's own bundler, already loaded), with Workbox's development logging left out.
 */
export async function bundleWorker(): Promise<string> {
  const { output } = await build({
    input: WORKER,
    write: false,
    logLevel: 'warn',
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    output: { format: 'iife', minify: true, comments: false },
  });
  return output[0].code;
}

/** The worker with the list of files to save in its slot (as Workbox's injectManifest writes it). */
export function withManifest(code: string, entries: readonly ManifestEntry[]): string {
  const slots = code.split(MANIFEST_SLOT).length - 1;
  if (slots !== 1) throw new Error(`The service worker must name ${MANIFEST_SLOT} once, not ${slots} times`);
  return code.replace(MANIFEST_SLOT, () => JSON.stringify(entries));
}
