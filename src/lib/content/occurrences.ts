import type { Lang } from '../../i18n/utils';
import { placeLabel } from '../anchors/labels';

/** A place in the paper: the page and the anchor of its heading or paragraph, with a short label. */
export interface Place {
  slug: string;
  anchor: string;
  label: string;
}

/**
 * Where each key occurs across the paper, in reading order and without repeats: every citation of
 * a reference (key = its number) or every annotation of a concept (key = its id), in one language.
 */
export function occurrences<K, S extends { slug: string }>(
  sections: readonly S[],
  lang: Lang,
  keysOf: (section: S) => { key: K; anchor: string }[],
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
