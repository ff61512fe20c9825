import type { Lang } from '../i18n/utils';
import { useTranslations } from '../i18n/utils';
import { parseAnchor } from './anchors';
import type { AlignedSection } from './content';

/** A place in the paper: the page and the anchor of its heading or paragraph, with a short label. */
export interface Place {
  slug: string;
  anchor: string;
  label: string;
}

/** "s3-2-1-p2" → "§3.2.1 ¶2" / "3.2.1 节第 2 段"; a heading anchor → "Section 3.2.1" / "第 3.2.1 节". */
export function placeLabel(anchor: string, lang: Lang): string {
  const t = useTranslations(lang);
  const parsed = parseAnchor(anchor);
  if (!parsed) return anchor;
  return parsed.paragraph === undefined
    ? t('section.label', { n: parsed.section })
    : t('anchor.paragraph', { section: parsed.section, n: parsed.paragraph });
}

/**
 * Where each key occurs across the paper, in reading order and without repeats: every citation of
 * a reference (key = its number) or every annotation of a concept (key = its id), in one language.
 */
export function occurrences<K>(
  sections: readonly AlignedSection[],
  lang: Lang,
  keysOf: (section: AlignedSection) => { key: K; anchor: string }[],
): Map<K, Place[]> {
  const places = new Map<K, Place[]>();
  for (const section of sections) {
    for (const { key, anchor } of keysOf(section)) {
      const list = places.get(key) ?? [];
      if (!list.some((place) => place.slug === section.slug && place.anchor === anchor)) {
        list.push({ slug: section.slug, anchor, label: placeLabel(anchor, lang) });
      }
      places.set(key, list);
    }
  }
  return places;
}

/**
 * In this paper every reference is cited, so one cited nowhere means a citation went missing:
 * throws, naming the references and the language.
 */
export function assertEveryReferenceCited(entries: readonly { key: string; number: number }[], cited: ReadonlySet<number>, lang: Lang): void {
  const uncited = entries.filter((entry) => !cited.has(entry.number));
  if (uncited.length > 0) {
    const list = uncited.map((entry) => `[${entry.number}] \`${entry.key}\``).join(', ');
    throw new Error(`[uncited-reference] content/references.bib: no page of content/${lang}/ cites ${list}`);
  }
}
