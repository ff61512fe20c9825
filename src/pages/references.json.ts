import type { APIRoute } from 'astro';
import { getBibliography } from '../lib/site-content';

/** /references.json: the paper's 18 references as CSL-JSON. */
export const GET: APIRoute = async () =>
  new Response((await getBibliography()).toCslJson(), { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });
