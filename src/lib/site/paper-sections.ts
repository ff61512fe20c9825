import { alignedSections } from '../content/collection';
import { sectionsManifest, type SectionRecord } from './sections-manifest';

/**
 * Every numbered section of the paper, from the rendered content (/sections.json, and the course
 * cartridges' links to subsections). Needs astro:content, through the collection.
 */
export async function paperSections(base: string): Promise<SectionRecord[]> {
  const sections = await alignedSections();
  return sectionsManifest(
    sections.map((section) => ({
      slug: section.slug,
      section: section.section,
      versions: {
        zh: { title: section.zh.entry.data.title, headings: section.zh.headings, paragraphs: section.zh.anchors.paragraphs },
        en: { title: section.en.entry.data.title, headings: section.en.headings, paragraphs: section.en.anchors.paragraphs },
      },
    })),
    base,
  );
}
