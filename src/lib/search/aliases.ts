import { otherLang, type Lang } from '../../i18n/utils';
import { termsOf, type Concept } from '../glossary/concepts';
import type { Term } from '../translation/termbase';
import { readingsOf, traditionalFold } from './readings';
import { normaliseQuery, type SearchTerms } from './translate-query.client';

/** Initials shorter than this ("xm") would rewrite ordinary words and abbreviations. */
const MIN_INITIALS = 3;

/**
 * For the search of one language: every form of a glossary concept a reader may type, lowercased,
 * mapped to this language's term. A reader on the English site who types 价值共创, 價值共創,
 * jiazhi gongchuang or jzgc searches for "value co-creation"; on the Chinese site "light-asset"
 * (the termbase's rejected rendering, which readers still type) finds 轻资产.
 */
export function searchAliases(concepts: readonly Concept[], termbase: readonly Term[], lang: Lang): Record<string, string> {
  const aliases: Record<string, string> = {};
  const add = (form: string, target: string) => {
    const key = normaliseQuery(form);
    if (key && key !== normaliseQuery(target)) aliases[key] ??= target;
  };
  for (const concept of concepts) {
    const target = concept[lang];
    const chinese = termsOf(concept, 'zh');
    // The termbase's renderings of this concept's Chinese terms, agreed and rejected.
    const entries = termbase.filter((term) => chinese.includes(term.zh));
    for (const form of [...termsOf(concept, otherLang(lang)), ...concept.aliases[lang]]) add(form, target);
    if (lang === 'zh') for (const term of entries) for (const form of [...term.en, ...term.forbidden]) add(form, term.zh);
    // A rejected English rendering stands for the agreed one of the same Chinese term.
    if (lang === 'en') for (const term of entries) for (const form of term.forbidden) add(form, term.en[0] ?? target);
    for (const term of chinese) {
      const readings = readingsOf(term);
      if (!readings) continue;
      add(readings.toneless, target);
      if (readings.initials.length >= MIN_INITIALS) add(readings.initials, target);
      for (const form of readings.traditional) add(form, target);
    }
  }
  return aliases;
}

/**
 * Everything the browser's search needs for one language, written at build time beside Pagefind's
 * bundle. Only the Chinese search folds Traditional characters: the English index holds Chinese
 * only in names and titles, and a Traditional glossary term already has its alias.
 */
export function searchTerms(concepts: readonly Concept[], termbase: readonly Term[], lang: Lang, corpus: Iterable<string>): SearchTerms {
  return { aliases: searchAliases(concepts, termbase, lang), fold: lang === 'zh' ? traditionalFold(corpus) : {} };
}
