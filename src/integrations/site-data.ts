import type { AstroIntegration } from 'astro';
import type { SiteData } from '../lib/content/site-data';

const MODULE_ID = 'virtual:site-data';
const RESOLVED_ID = `\0${MODULE_ID}`;

/**
 * Hands the data the config parsed (content/references.bib, content/glossary.json) to the pages
 * as the module `virtual:site-data`, as JSON: the pages never read or parse those files again.
 * A change to either file restarts the dev server, since the config has to parse it anew.
 */
export default function siteData(data: SiteData, files: readonly string[]): AstroIntegration {
  return {
    name: 'site-data',
    hooks: {
      'astro:config:setup': ({ updateConfig, addWatchFile }) => {
        for (const file of files) addWatchFile(file);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'site-data',
                resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
                load: (id) => (id === RESOLVED_ID ? `export default ${JSON.stringify(data)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
