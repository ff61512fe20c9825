import { formatPaperCitations, type PaperCitations } from './bibliography';
import { paper } from '../content/paper';

const cache = new Map<string, PaperCitations>();

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
