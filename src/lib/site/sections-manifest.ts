import type { MarkdownHeading } from 'astro';
import { LANGS, type Lang } from '../../i18n/utils';
import { isSectionAnchor, NUMBERED_HEADING, sectionAnchor } from '../anchors/ids';
import { pageUrl } from './urls';

/** One numbered section of the paper in /sections.json (docs/contract.md, "Files for machines"). */
export interface SectionRecord {
  /** The paper's number, e.g. "3.2.1". */
  number: string;
  /** The heading's anchor id, the same in both languages, e.g. "s3-2-1". */
  id: string;
  /** The page that holds it, per language, under the base path. */
  paths: Record<Lang, string>;
  /** Its title, per language, without the number. */
  titles: Record<Lang, string>;
  /** The ids of its own paragraphs, in reading order. */
  paragraphs: string[];
}

/** What the manifest needs of one rendered page: its opening section and its headings and paragraphs. */
export interface ManifestPage {
  slug: string;
  section: string;
  versions: Record<Lang, { title: string; headings: readonly MarkdownHeading[]; paragraphs: readonly string[] }>;
}

/**
 * Lists every numbered section, page by page in reading order: each page's opening section,
 * then the numbered subsections in its body. Built from the rendered content, so it cannot drift.
 */
export function sectionsManifest(pages: readonly ManifestPage[], base: string): SectionRecord[] {
  return pages.flatMap((page) => {
    const subsections = page.versions.zh.headings.filter((heading) => isSectionAnchor(heading.slug));
    const numbers = [page.section, ...subsections.map((heading) => NUMBERED_HEADING.exec(heading.text.trim())?.[1] ?? '')];
    return numbers.map((number, index) => {
      const id = sectionAnchor(number);
      const title = (lang: Lang) =>
        index === 0
          ? page.versions[lang].title
          : (NUMBERED_HEADING.exec(page.versions[lang].headings.find((heading) => heading.slug === id)?.text.trim() ?? '')?.[2] ?? '');
      return {
        number,
        id,
        paths: Object.fromEntries(LANGS.map((lang) => [lang, pageUrl(base, lang, page.slug)])) as Record<Lang, string>,
        titles: Object.fromEntries(LANGS.map((lang) => [lang, title(lang)])) as Record<Lang, string>,
        paragraphs: page.versions.zh.paragraphs.filter((paragraph) => paragraph.startsWith(`${id}-p`)),
      };
    });
  });
}
