import bibtex from '../../content/references.bib?raw';
import glossaryJson from '../../content/glossary.json';
import { loadBibliography, type Bibliography } from './bibliography';
import { parseGlossary, type Concept } from './glossary';

let bibliography: Promise<Bibliography> | undefined;
let glossary: Concept[] | undefined;

/** The paper's 18 references (content/references.bib), parsed once per build. */
export function getBibliography(): Promise<Bibliography> {
  bibliography ??= loadBibliography(bibtex);
  return bibliography;
}

/** The glossary's concepts (content/glossary.json), validated once per build. */
export function getGlossary(): Concept[] {
  glossary ??= parseGlossary(glossaryJson);
  return glossary;
}
