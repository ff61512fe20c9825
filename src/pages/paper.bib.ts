import type { APIRoute } from 'astro';
import { paperCitations } from '../lib/citations/paper-citations';

/** /paper.bib: the paper itself as a BibTeX entry. */
export const GET: APIRoute = () =>
  new Response(paperCitations().bibtex, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
