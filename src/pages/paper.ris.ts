import type { APIRoute } from 'astro';
import { paperCitations } from '../lib/citations/paper-citations';

/** /paper.ris: the paper itself as a RIS record. */
export const GET: APIRoute = () =>
  new Response(paperCitations().ris, { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
