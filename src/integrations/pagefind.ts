import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { LANGS } from '../i18n/utils';
import type { Concept } from '../lib/glossary/concepts';
import { searchTerms } from '../lib/search/aliases';
import { termbaseSchema } from '../lib/translation/termbase';

/**
 * Index chunks of about 300 word locations (Pagefind's default is 20,000, which puts this site's
 * English index in one 27 KB chunk): a query then fetches the few 1–2 KB chunks holding its words.
 */
const INDEX_CHUNK_SIZE = '300';

/**
 * Indexes the built site with Pagefind as the last step of `astro build`, so that every build
 * (and so `npm start`) ships its search. Pagefind splits the index by `<html lang>`: one for
 * zh-CN (with its Chinese segmentation) and one for en. Only `data-pagefind-body` regions count.
 * Beside the bundle it writes `site-terms.{lang}.json`, the query rewriting the search loads with Pagefind.
 */
export default function pagefindIntegration(glossary: readonly Concept[], root: string): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // Read by Pagefind's binary, which the Node API starts with this process's environment.
        process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= INDEX_CHUNK_SIZE;
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
        const termbase = termbaseSchema.parse(JSON.parse(await readFile(join(root, 'content/termbase.json'), 'utf8')));
        // The Traditional fold map covers the characters of the Chinese pages, the only ones a query can find.
        const zhPages = (await readdir(join(site, 'zh'), { recursive: true })).filter((file) => file.endsWith('.html'));
        const corpus = await Promise.all(zhPages.map((file) => readFile(join(site, 'zh', file), 'utf8')));
        for (const lang of LANGS) {
          const terms = searchTerms(glossary, termbase, lang, corpus);
          await writeFile(join(site, 'pagefind', `site-terms.${lang}.json`), JSON.stringify(terms));
        }
      },
    },
  };
}
