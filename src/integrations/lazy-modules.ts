import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';

const SUFFIX = '?lazy-url';
const PREFIX = '\0lazy-url:';

/**
 * `import url from './feature.client.ts?lazy-url'` gives the URL of that module, built as a chunk
 * of its own, for a page script to `import(url)` on first use. A plain `import('./feature')`
 * would work too, but Vite then adds its preload helper to the page's first view (900 bytes
 * gzipped, for modules that have nothing to preload).
 */
export default function lazyModules(): AstroIntegration {
  return {
    name: 'lazy-modules',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const root = config.root.pathname;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'lazy-modules',
                enforce: 'pre',
                async resolveId(source, importer) {
                  if (!source.endsWith(SUFFIX)) return undefined;
                  const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
                  return resolved ? PREFIX + resolved.id : undefined;
                },
                load(id) {
                  if (!id.startsWith(PREFIX)) return undefined;
                  const file = id.slice(PREFIX.length);
                  // The dev server serves source files at their path from the project's root.
                  if (command === 'dev') return `export default ${JSON.stringify(`/${relative(root, file)}`)};`;
                  const reference = this.emitFile({ type: 'chunk', id: file, preserveSignature: 'strict' });
                  return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
                },
              },
            ],
          },
        });
      },
    },
  };
}
