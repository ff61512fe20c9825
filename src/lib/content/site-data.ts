import { join } from 'node:path';
import { loadBibliography, type Bibliography } from '../citations/bibliography';
import { bibtexProblems } from '../citations/bibtex-check';
import { parseGlossary, type Concept } from '../glossary/concepts';
import { missingTranslations } from './alignment';
import { dataAnchorProblems, readContentFiles, revisionDateProblems } from './content-files';
import { collectHeadingIds, type HeadingIds } from './heading-ids';
import { contentLocation } from './paths';
import { collectXrefTargets, type XrefTargets } from './xref-targets';

/*
 * Runs in the config (astro.config.mjs), before Vite starts: it reads the files with `fs`.
 * Pages get the same parsed objects through the `virtual:site-data` module
 * (src/integrations/site-data.ts), so each file is parsed once per build: the config cannot
 * import through Vite, and a second loader on the pages' side would parse everything again.
 */

/** Everything of content/ that the content pipeline and the pages share, parsed once per build. */
export interface SiteData {
  /** content/references.bib, parsed and formatted in both styles. */
  bibliography: Bibliography;
  /** content/glossary.json, validated. */
  glossary: Concept[];
  /** The figures of content/figures/, by id ("fig-1"). */
  figures: string[];
}

/** The files `loadSiteData` reads, relative to the project's root. */
export const SITE_DATA_FILES = ['content/references.bib', 'content/glossary.json'] as const;

/**
 * Checks every file of content/ (UTF-8, JSON syntax and schemas: content-files.ts), then parses
 * content/references.bib and content/glossary.json. Throws with every problem, each naming its file.
 * @param root the project's root directory
 */
export async function loadSiteData(root: string): Promise<SiteData> {
  const files = await readContentFiles(root);
  const [bibFile, glossaryFile] = SITE_DATA_FILES;
  const bibtex = files.texts.get(bibFile.replace('content/', '')) ?? '';
  const problems = bibtexProblems(bibtex, bibFile);
  if (problems.length) throw new Error(problems.join('\n'));
  const glossary = parseGlossary(files.json.get(glossaryFile.replace('content/', '')));
  try {
    const figures = [...files.json.keys()].flatMap((name) => /^figures\/(fig-\d+)\.json$/.exec(name)?.[1] ?? []);
    return { bibliography: loadBibliography(bibtex), glossary, figures };
  } catch (error) {
    throw new Error(`${bibFile}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Every cross-reference target of content/ (collect before resolve), for the content pipeline;
 * throws if a page lacks its other language's version, a data file names an anchor that no page
 * has, or the translation's date is not its latest revision's. A missing page is found here, from
 * the file names, rather than once the pages are rendered: the editor hears of it in seconds.
 * @param root the project's root directory
 */
export async function loadXrefTargets(root: string): Promise<XrefTargets> {
  const [targets, files] = await Promise.all([collectXrefTargets(join(root, 'content')), readContentFiles(root)]);
  // The collection's pages (content.config.ts: `{zh,en}/**/*.mdx`, which skips hidden files and folders).
  const isPage = (name: string) => name.endsWith('.mdx') && !name.split('/').some((part) => part.startsWith('.'));
  const pages = [...files.texts.keys()].flatMap((name) => (isPage(name) ? (contentLocation(`content/${name}`) ?? []) : []));
  const problems = [
    ...missingTranslations(pages),
    ...dataAnchorProblems(files.json, new Set(targets.zh.keys())),
    ...revisionDateProblems(files.texts, files.json),
  ];
  if (problems.length) throw new Error(problems.join('\n'));
  return targets;
}

/**
 * The ids both languages give the headings the paper does not number, from the English pages, for the content pipeline.
 * @param root the project's root directory
 */
export function loadHeadingIds(root: string): Promise<HeadingIds> {
  return collectHeadingIds(join(root, 'content'));
}
