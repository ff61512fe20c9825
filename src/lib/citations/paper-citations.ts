import { en } from '../../i18n/ui';
import { formatPaperCitations, formatTranslationCitations, type PaperCitations, type TranslationCitations } from './bibliography';
import { paper, translation } from '../content/paper';

const cache = new Map<string, PaperCitations>();
const translationCache = new Map<string, TranslationCitations>();

/**
 * The paper's citations (GB/T 7714, APA, BibTeX, RIS), optionally pointing at one page of this
 * site; computed once per URL. No access date: two builds of one commit must be identical.
 */
export function paperCitations(url?: string): PaperCitations {
  const key = url ?? '';
  let citations = cache.get(key);
  if (!citations) {
    citations = formatPaperCitations(paper, url ? { url } : {});
    cache.set(key, citations);
  }
  return citations;
}

/**
 * The English translation's citations (APA, CSL-JSON, BibTeX, RIS): translated by this site (its
 * English name), dated by the translation's current revision (content/translation.json).
 */
export function translationCitations(url: string): TranslationCitations {
  let citations = translationCache.get(url);
  if (!citations) {
    citations = formatTranslationCitations(paper, { translator: en['site.title'], date: translation.date }, url);
    translationCache.set(url, citations);
  }
  return citations;
}
