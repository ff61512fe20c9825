import type { AstroIntegration } from 'astro';

const SUFFIX = '?lazy-url';
const PREFIX = '\0lazy-url:';

/**
 * `import url from './module.client.ts?lazy-url'` gives the URL of that module bundled as a chunk
 * of its own, for a script to `import(url)` on first use. A literal `import('./module')` would do
 * the same, but Vite then wraps it in its preload helper (about 0.7 KB gzipped) in the script
 * every page loads, and the first view's JavaScript budget is 4 KB. In development the module is
 * served as it is.
 */
export default function lazyScripts(): AstroIntegration {
  return {
    name: 'lazy-scripts',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'lazy-scripts',
                enforce: 'pre',
                async resolveId(id, importer) {
                  if (!id.endsWith(SUFFIX)) return undefined;
                  const resolved = await this.resolve(id.slice(0, -SUFFIX.length), importer);
                  return resolved ? `${PREFIX}${resolved.id}` : undefined;
                },
                load(id) {
                  if (!id.startsWith(PREFIX)) return undefined;
                  const file = id.slice(PREFIX.length);
                  if (command === 'dev') return `export default ${JSON.stringify(`/@fs${file}`)};`;
                  const reference = this.emitFile({ type: 'chunk', id: file });
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
