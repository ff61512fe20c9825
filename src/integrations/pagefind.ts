import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/**
 * Indexes the built site with Pagefind as the last step of `astro build`, so that every build
 * (and so `npm start`) ships its search. Pagefind splits the index by `<html lang>`: one for
 * zh-CN (with its Chinese segmentation) and one for en. Only `data-pagefind-body` regions count.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({
          // Math markup would pollute excerpts; KaTeX's MathML copy and the previews are not the text.
          excludeSelectors: ['.katex', 'math', '.previews'],
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const indexed = await index.addDirectory({ path: site });
        if (indexed.errors.length) throw new Error(`Pagefind could not index ${site}: ${indexed.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
        logger.info(`indexed ${indexed.page_count} pages`);
        await close();
      },
    },
  };
}
