import type { APIRoute } from 'astro';
import { paperSections } from '../lib/site/paper-sections';

/** /sections.json: every numbered section with its anchor, pages, titles and paragraph ids. */
export const GET: APIRoute = async () => {
  const sections = await paperSections(import.meta.env.BASE_URL);
  return new Response(`${JSON.stringify({ sections }, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
