import { otherLang, type Lang } from '../../i18n/utils';
import { termsOf, type Concept } from '../glossary/concepts';

/**
 * For the search of one language: every glossary term and alias of the other language (and this
 * language's aliases), lowercased, mapped to this language's term. A reader on the English site who
 * types 价值共创 searches for "value co-creation"; on the Chinese site "light-asset" finds 轻资产模式.
 */
export function searchAliases(concepts: readonly Concept[], lang: Lang): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const concept of concepts) {
    for (const term of [...termsOf(concept, otherLang(lang)), ...concept.aliases[lang]]) {
      const key = term.toLowerCase().replace(/[“”"]/g, '').trim();
      if (key && key !== concept[lang].toLowerCase()) aliases[key] ??= concept[lang];
    }
  }
  return aliases;
}
