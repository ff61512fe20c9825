import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadBibliography } from './bibliography';
import { parseGlossary } from './glossary';
import type { PipelineOptions } from './plugins/index';
import { collectXrefTargets } from './xref-targets';

/**
 * Reads what the content pipeline must know before any page renders: the bibliography's
 * numbering, the glossary's ids and every cross-reference target. Called once by astro.config.mjs.
 * @param root the project's root directory
 * @param base the site's base path
 */
export async function loadPipelineOptions(root: string, base: string): Promise<PipelineOptions> {
  const content = join(root, 'content');
  const bibliography = await loadBibliography(await readFile(join(content, 'references.bib'), 'utf8'));
  const glossary = parseGlossary(JSON.parse(await readFile(join(content, 'glossary.json'), 'utf8')));
  return {
    base,
    numbers: bibliography.numbers,
    termIds: new Set(glossary.map((concept) => concept.id)),
    targets: await collectXrefTargets(content),
  };
}
