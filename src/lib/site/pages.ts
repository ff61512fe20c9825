import { entryLocation, sectionEntries } from '../content/collection';
import { UTILITY_SLUGS } from './whole-site';

/**
 * Every page's slug inside a language, in reading order: the home page (""), each section and
 * its parallel view, then the utility pages. Both languages have the same slugs.
 */
export async function pageSlugs(): Promise<string[]> {
  const sections = (await sectionEntries('zh')).map((entry) => entryLocation(entry).slug);
  return ['', ...sections.flatMap((slug) => [slug, `${slug}/parallel`]), ...UTILITY_SLUGS];
}
