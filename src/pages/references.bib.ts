import type { APIRoute } from 'astro';
import { getBibliography } from '../lib/site-content';

/** /references.bib: the paper's 18 references as BibTeX, Chinese kept as written. */
export const GET: APIRoute = async () =>
  new Response((await getBibliography()).toBibtex(), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
