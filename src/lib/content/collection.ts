import { getCollection, render, type CollectionEntry } from 'astro:content';
import siteData from 'virtual:site-data';
import { LANGS, type Lang } from '../../i18n/utils';
import { compareSections, sectionAnchor } from '../anchors/ids';
import type { PageAnchors } from '../anchors/page-anchors';
import { pageUrl } from '../site/urls';
import { alignmentProblems, missingTranslations } from './alignment';
import { uncitedReferences } from './checks';
import { contentLocation } from './paths';

/*
 * The only module that queries the content collection (`astro:content`): pages and components
 * ask it for entries and for the rendered, aligned sections.
 */

/** One page of content/, in one language. */
export type PageEntry = CollectionEntry<'pages'>;

/** The language and slug of an entry, from its file path (content/<lang>/<slug>.mdx). */
export function entryLocation(entry: PageEntry): { lang: Lang; slug: string } {
  const location = contentLocation(entry.filePath);
  if (!location) throw new Error(`Content entry ${entry.id} is not under content/zh or content/en`);
  return { lang: location.lang, slug: location.slug };
}

/** Narrows an entry to a numbered section of the paper. */
function isSectionEntry(entry: PageEntry): entry is PageEntry & { data: { section: string } } {
  return entry.data.section !== undefined;
}

/** The numbered sections of one language, in the paper's order. */
export async function sectionEntries(lang: Lang) {
  const entries = await getCollection('pages', (entry) => entryLocation(entry).lang === lang);
  return entries.filter(isSectionEntry).sort((a, b) => compareSections(a.data.section, b.data.section));
}

/** The one entry of a language with this slug ("" is the front matter); throws with a hint if it is missing. */
export async function entryAt(lang: Lang, slug: string): Promise<PageEntry> {
  const entries = await getCollection('pages', (entry) => {
    const location = entryLocation(entry);
    return location.lang === lang && location.slug === slug;
  });
  const entry = entries[0];
  if (!entry) throw new Error(`content/${lang}/${slug || 'index'}.mdx is missing: every page exists in both languages (${LANGS.join(', ')})`);
  return entry;
}

/** Renders an entry and returns its component, headings and the anchors collected by the pipeline. */
export async function renderEntry(entry: PageEntry) {
  const rendered = await render(entry);
  const anchors = rendered.remarkPluginFrontmatter['anchors'] as PageAnchors;
  return { ...rendered, anchors };
}

let built: ReturnType<typeof renderAlignedSections> | undefined;

/**
 * Every section with both its versions, rendered and checked: the two versions align, and the
 * site-wide checks (content/checks.ts) hold. Throws, naming the files, when they do not. A build
 * computes it once for all its pages (the dev server recomputes it, as content may change).
 */
export function alignedSections(): ReturnType<typeof renderAlignedSections> {
  if (!import.meta.env.PROD) return renderAlignedSections();
  built ??= renderAlignedSections();
  return built;
}

async function renderAlignedSections() {
  // That every page exists in both languages is checked in the config (loadXrefTargets), once per
  // build; the dev server loads its config once, so it checks again here as content changes.
  if (!import.meta.env.PROD) {
    const missing = missingTranslations((await getCollection('pages')).map(entryLocation));
    if (missing.length) throw new Error(missing.join('\n'));
  }
  const [zhSections, enSections] = await Promise.all([sectionEntries('zh'), sectionEntries('en')]);
  const enBySlug = new Map(enSections.map((entry) => [entryLocation(entry).slug, entry]));
  const sections = await Promise.all(
    zhSections.map(async (zh) => {
      const { slug } = entryLocation(zh);
      const en = enBySlug.get(slug);
      if (!en) throw new Error(`content/zh/${slug}.mdx has no English translation: add content/en/${slug}.mdx`);
      const [zhRendered, enRendered] = await Promise.all([renderEntry(zh), renderEntry(en)]);
      const problems = alignmentProblems(
        { file: zh.filePath ?? slug, section: zh.data.section, part: zh.data.part, anchors: zhRendered.anchors },
        { file: en.filePath ?? slug, section: en.data.section, part: en.data.part, anchors: enRendered.anchors },
      );
      if (problems.length) throw new Error(problems.join('\n'));
      return { slug, section: zh.data.section, zh: { entry: zh, ...zhRendered }, en: { entry: en, ...enRendered } };
    }),
  );
  const problems = uncitedReferences(
    siteData.bibliography.entries,
    sections.map((section) => ({ zh: section.zh.anchors, en: section.en.anchors })),
  );
  if (problems.length) throw new Error(problems.join('\n'));
  return sections;
}

/**
 * Links to the headings and paper paragraphs that annotations in content/data name, in one
 * language: anchor → URL of the page that holds it, found in the rendered content (so the data
 * never hard-codes a page). Throws for an anchor no page has.
 */
export async function linksToAnchors(anchors: readonly string[], lang: Lang, base: string): Promise<Map<string, string>> {
  const sections = await alignedSections();
  const link = (anchor: string): [string, string] => {
    const page = sections.find(
      (section) =>
        sectionAnchor(section.section) === anchor || section.zh.anchors.headings.includes(anchor) || section.zh.anchors.paragraphs.includes(anchor),
    );
    if (!page) throw new Error(`No page holds the anchor \`#${anchor}\` (named in content/data/)`);
    return [anchor, pageUrl(base, lang, page.slug, anchor)];
  };
  return new Map(anchors.map(link));
}
