import type { APIRoute } from 'astro';
import { paperCitations, translationCitations } from '../lib/citations/paper-citations';
import { pageUrl } from '../lib/site/urls';

/** /paper.bib: the paper itself as a BibTeX entry, then this site's English translation of it. */
export const GET: APIRoute = ({ site }) => {
  const translation = translationCitations(new URL(pageUrl(import.meta.env.BASE_URL, 'en'), site).href);
  return new Response(`${paperCitations().bibtex}\n${translation.bibtex}`, {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
};
