import type { APIRoute } from 'astro';
import { paperCitations, translationCitations } from '../lib/citations/paper-citations';
import { pageUrl } from '../lib/site/urls';

/** /paper.ris: the paper itself as a RIS record, then this site's English translation of it. */
export const GET: APIRoute = ({ site }) => {
  const translation = translationCitations(new URL(pageUrl(import.meta.env.BASE_URL, 'en'), site).href);
  return new Response(`${paperCitations().ris.replace(/\n*$/, '\n')}${translation.ris}`, {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
};
