import type { Lang } from '../../i18n/utils';
import { HTML_LANG } from '../../i18n/utils';
import { pageUrl } from './urls';

/*
 * schema.org JSON-LD for every page's head (docs/contract.md, "Metadata"): the paper as a
 * ScholarlyArticle; English pages describe this site's translation (`translationOfWork` points to
 * the Chinese original, `translator` is this site), Chinese pages the original, naming the
 * translation (`workTranslation`). Only facts content/ holds: no journal, volume, pages or DOI.
 */

/** What the JSON-LD needs of the paper (content/paper.json). */
export interface JsonLdPaper {
  title: Record<Lang, string>;
  authors: readonly Record<Lang, string>[];
  published: string;
  publisher: string;
  license: { url: string };
}

/** The site's own facts: its name in each language and the translation's date. */
export interface JsonLdSite {
  names: Record<Lang, string>;
  translationDate: string;
  /** The site's origin (SITE_URL) and base path. */
  origin: URL | string;
  base: string;
}

type JsonObject = Record<string, unknown>;

/** The paper's JSON-LD as seen from a page in `lang`. */
export function paperJsonLd(paper: JsonLdPaper, site: JsonLdSite, lang: Lang): JsonObject {
  const home = (inLang: Lang) => new URL(pageUrl(site.base, inLang), site.origin).href;
  const translator = { '@type': 'Organization', name: site.names[lang], url: new URL(pageUrl(site.base, undefined), site.origin).href };
  const authors = (inLang: Lang) => paper.authors.map((author) => ({ '@type': 'Person', name: author[inLang] }));
  const article = (inLang: Lang, facts: JsonObject): JsonObject => ({
    '@type': 'ScholarlyArticle',
    '@id': `${home(inLang)}#paper`,
    // The title once: `headline` is what schema.org's articles and search engines read.
    headline: paper.title[inLang],
    inLanguage: HTML_LANG[inLang],
    author: authors(inLang),
    ...facts,
    url: home(inLang),
  });
  const original = article('zh', {
    datePublished: paper.published,
    publisher: { '@type': 'Organization', name: paper.publisher },
    license: paper.license.url,
  });
  const translation = article('en', { translator, datePublished: site.translationDate });
  const context = { '@context': 'https://schema.org' };
  return lang === 'en'
    ? { ...context, ...translation, translationOfWork: original }
    : { ...context, ...original, workTranslation: translation };
}

/** JSON for an HTML `<script type="application/ld+json">`: `<` escaped, so no text can close the element. */
export function jsonLdScript(data: JsonObject): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
