import { entryLocation, sectionEntries } from '../content/collection';

/** The pages every language has besides its sections (docs/contract.md, "Pages", and the downloads page). */
export const UTILITY_SLUGS = ['references', 'glossary', 'search', 'about', 'downloads'] as const;

/**
 * Every page's slug inside a language, in reading order: the home page (""), each section and
 * its parallel view, then the utility pages. Both languages have the same slugs.
 */
export async function pageSlugs(): Promise<string[]> {
  const sections = (await sectionEntries('zh')).map((entry) => entryLocation(entry).slug);
  return ['', ...sections.flatMap((slug) => [slug, `${slug}/parallel`]), ...UTILITY_SLUGS];
}
