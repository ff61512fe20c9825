import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * What a whole built site holds, checked by scripts/build.ts before it swaps a build in: a build
 * that exits 0 but wrote only part of the site must never replace a whole one. Self-contained
 * (node: imports only), since scripts/build.ts imports it under plain Node.
 */

/**
 * The pages after the paper, in the contents and the books: the references and the glossary
 * (routes of src/pages/[lang]/) and the about page (content/{lang}/about.mdx).
 */
export const BACK_MATTER_SLUGS = ['references', 'glossary', 'about'] as const;

/**
 * The pages every language has besides the home page and the paper's sections (docs/contract.md,
 * "Pages"): the back matter, search and downloads. A new one goes here and in the contract.
 */
export const UTILITY_SLUGS = [...BACK_MATTER_SLUGS, 'search', 'downloads'] as const;

/**
 * The contract's files ("Files for machines", "Downloads and offline reading") that every build
 * writes. The PDFs are left out: a build without Chromium makes none, and says so.
 */
export const MACHINE_FILES = [
  'sections.json',
  'references.bib',
  'references.json',
  'paper.bib',
  'paper.ris',
  'sitemap.xml',
  'paragraphs.json',
  'sw.js',
  'manifest.webmanifest',
  ...['zh', 'en', 'zh-en'].map((lang) => `downloads/paper.${lang}.epub`),
  ...['zh', 'en'].map((lang) => `downloads/course.${lang}.imscc`),
];

/**
 * Every file a whole build must hold, relative to the output folder: the language chooser, each
 * language's pages (one per content file, a parallel view per numbered section, the utility
 * pages), the machine-readable files and the search index.
 * @param contentDir the absolute path of content/
 */
export function wholeSiteFiles(contentDir: string): string[] {
  const langs = readdirSync(contentDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && ['zh', 'en'].includes(entry.name))
    .map((entry) => entry.name);
  const pages = langs.flatMap((lang) => {
    const files = readdirSync(join(contentDir, lang), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'));
    const slugs = files.flatMap((file) => {
      const slug = file.replace(/\.mdx$/, '').replace(/(^|\/)index$/, '');
      const numbered = /^section:/m.test(readFileSync(join(contentDir, lang, file), 'utf8').split(/^---$/m)[1] ?? '');
      return numbered ? [slug, `${slug}/parallel`] : [slug];
    });
    return [...new Set([...slugs, ...UTILITY_SLUGS])].map((slug) => join(lang, slug, 'index.html'));
  });
  return ['index.html', ...pages.sort(), ...MACHINE_FILES, 'pagefind/pagefind.js'];
}

/** The files of `wholeSiteFiles` that `siteDir` lacks (none: a whole site). */
export function missingSiteFiles(siteDir: string, contentDir: string): string[] {
  return wholeSiteFiles(contentDir).filter((file) => !existsSync(join(siteDir, file)));
}
