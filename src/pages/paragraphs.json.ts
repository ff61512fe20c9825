import type { APIRoute } from 'astro';
import { alignedSections } from '../lib/content/collection';
import { paragraphsManifest } from '../lib/site/paragraphs-manifest';

/** /paragraphs.json: every paper paragraph with its section, pages, text in both languages and sentence ids. */
export const GET: APIRoute = async () => {
  const sections = await alignedSections();
  const paragraphs = paragraphsManifest(
    sections.map((section) => ({ slug: section.slug, versions: { zh: section.zh.anchors, en: section.en.anchors } })),
    import.meta.env.BASE_URL,
  );
  return new Response(`${JSON.stringify({ paragraphs }, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
