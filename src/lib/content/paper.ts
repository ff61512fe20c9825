import paperJson from '../../../content/paper.json';
import translationJson from '../../../content/translation.json';
import type { Lang } from '../../i18n/utils';

/** The paper's bibliographic facts, exactly as the source states them (content/paper.json). */
export const paper = paperJson;

/** This site's English translation: the date of its current revision (content/translation.json). */
export const translation = translationJson;

/** The year of the paper's copyright, from its copyright line ("Copyright © 2024 by …"). */
export const copyrightYear = /©\s*(\d{4})/.exec(paper.copyright)?.[1] ?? '';

/** The authors' names in one language, joined as that language joins them. */
export function authorNames(lang: Lang): string {
  return paper.authors.map((author) => author[lang]).join(lang === 'zh' ? '，' : ', ');
}

/**
 * A date of the paper in the reader's language, without time zones getting in the way.
 * @example formatDate('2024-05-31', 'zh') // '2024年5月31日'
 */
export function formatDate(isoDate: string, lang: Lang): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (lang === 'zh') return `${year}年${month}月${day}日`;
  // American style, as the rest of the English ("As of December 31, 2023").
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-US', {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  });
}
