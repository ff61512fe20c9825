import type { APIRoute } from 'astro';
import { alignedSections } from '../lib/content/collection';
import { sectionsManifest } from '../lib/site/sections-manifest';

/** /sections.json: every numbered section with its anchor, pages, titles and paragraph ids. */
export const GET: APIRoute = async () => {
  const sections = await alignedSections();
  const manifest = sectionsManifest(
    sections.map((section) => ({
      slug: section.slug,
      section: section.section,
      versions: {
        zh: { title: section.zh.entry.data.title, headings: section.zh.headings, paragraphs: section.zh.anchors.paragraphs },
        en: { title: section.en.entry.data.title, headings: section.en.headings, paragraphs: section.en.anchors.paragraphs },
      },
    })),
    import.meta.env.BASE_URL,
  );
  return new Response(`${JSON.stringify({ sections: manifest }, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
