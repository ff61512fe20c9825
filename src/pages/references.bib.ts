import type { APIRoute } from 'astro';
import siteData from 'virtual:site-data';

/** /references.bib: the paper's 18 references as BibTeX, Chinese kept as written. */
export const GET: APIRoute = () =>
  new Response(siteData.bibliography.bibtex, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
