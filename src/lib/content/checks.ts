import { LANGS, type Lang } from '../../i18n/utils';
import type { PageAnchors } from '../anchors/page-anchors';
import type { BibEntry } from '../citations/bibliography';
import { RuleId } from './rule-ids';

/*
 * Checks over the whole rendered site, which no single page's pipeline can make. They run once
 * per build, where the aligned sections are computed (content/collection.ts).
 */

/**
 * In this paper every reference is cited, so one cited nowhere means a citation went missing.
 * Returns a problem per language that leaves references uncited, naming them.
 */
export function uncitedReferences(entries: readonly Pick<BibEntry, 'key' | 'number'>[], sections: readonly Record<Lang, Pick<PageAnchors, 'citations'>>[]): string[] {
  return LANGS.flatMap((lang) => {
    const cited = new Set(sections.flatMap((section) => section[lang].citations.map((citation) => citation.ref)));
    const uncited = entries.filter((entry) => !cited.has(entry.number));
    if (uncited.length === 0) return [];
    const list = uncited.map((entry) => `[${entry.number}] \`${entry.key}\``).join(', ');
    return [`[${RuleId.uncitedReference}] content/references.bib: no page of content/${lang}/ cites ${list}`];
  });
}
