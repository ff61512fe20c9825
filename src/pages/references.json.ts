import type { APIRoute } from 'astro';
import siteData from 'virtual:site-data';

/** /references.json: the paper's 18 references as CSL-JSON. */
export const GET: APIRoute = () =>
  new Response(siteData.bibliography.cslJson, { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });
