import { useTranslations, type Lang } from '../../i18n/utils';

/*
 * Where a section page leads: the pages before and after it in reading order, and the
 * subsections it opens (3.2 → 3.2.1 … 3.2.4). Pure, so it is unit-tested without Astro.
 */

/** What navigation needs of a section: its page, its number and its title in each language. */
export interface NavigableSection {
  slug: string;
  section: string;
  titles: Record<Lang, string>;
}

/** A link to a page inside a language: its slug and the words it shows. */
export interface PageLink {
  slug: string;
  title: string;
}

/** The links of one section page. */
export interface SectionNavigation {
  /** The section before it, or the home page before the first. */
  previous: PageLink;
  /** The section after it, or the references after the last. */
  next: PageLink;
  /** The sections one level below it (3.2 → 3.2.1, 3.2.2 …, not 3.2.1.1), in reading order. */
  children: (PageLink & { section: string })[];
}

/**
 * The navigation of `sections[index]` in one language.
 * @param sections every section in reading order
 */
export function sectionNavigation(sections: readonly NavigableSection[], index: number, lang: Lang): SectionNavigation {
  const t = useTranslations(lang);
  const current = sections[index];
  if (current === undefined) throw new Error(`No section at position ${index}`);
  const link = (section: NavigableSection): PageLink => ({ slug: section.slug, title: `${section.section}. ${section.titles[lang]}` });
  const previous = sections[index - 1];
  const next = sections[index + 1];
  const depth = current.section.split('.').length + 1;
  return {
    previous: previous ? link(previous) : { slug: '', title: t('nav.home') },
    next: next ? link(next) : { slug: 'references', title: t('page.references') },
    children: sections
      .filter((other) => other.section.startsWith(`${current.section}.`) && other.section.split('.').length === depth)
      .map((child) => ({ slug: child.slug, title: child.titles[lang], section: child.section })),
  };
}
