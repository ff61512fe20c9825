import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadBibliography, type Bibliography } from '../citations/bibliography';
import { parseGlossary, type Concept } from '../glossary/concepts';
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
}

/** The files `loadSiteData` reads, relative to the project's root. */
export const SITE_DATA_FILES = ['content/references.bib', 'content/glossary.json'] as const;

/**
 * Reads and parses content/references.bib and content/glossary.json.
 * @param root the project's root directory
 */
export async function loadSiteData(root: string): Promise<SiteData> {
  const [bibFile, glossaryFile] = SITE_DATA_FILES;
  const [bibtex, glossaryText] = await Promise.all([readFile(join(root, bibFile), 'utf8'), readFile(join(root, glossaryFile), 'utf8')]);
  return { bibliography: loadBibliography(bibtex), glossary: parseGlossary(JSON.parse(glossaryText)) };
}

/**
 * Every cross-reference target of content/ (collect before resolve), for the content pipeline.
 * @param root the project's root directory
 */
export function loadXrefTargets(root: string): Promise<XrefTargets> {
  return collectXrefTargets(join(root, 'content'));
}
