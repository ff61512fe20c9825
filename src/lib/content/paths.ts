import { isLang, type Lang } from '../../i18n/utils';

/*
 * Where content files sit: content/<lang>/<slug>.mdx. The one reading of that layout, for the
 * collection's entries, the content plugins (a file's language) and the cross-reference index.
 */

/** A content file's language and its path inside that language's folder. */
export interface ContentLocation {
  lang: Lang;
  /** e.g. "mechanisms/value-delivery.mdx" */
  pathInLang: string;
  /** The page inside its language: "mechanisms/value-delivery"; "" for index.mdx. */
  slug: string;
}

/** A path inside a language folder → the page's slug: "mechanisms/value-proposition.mdx" → "mechanisms/value-proposition"; "index.mdx" → "". */
export function slugFromContentFile(pathInLang: string): string {
  return pathInLang.replace(/\\/g, '/').replace(/\.mdx$/, '').replace(/(^|\/)index$/, '');
}

/**
 * Where a content file sits, from its path; undefined for a file outside content/zh and content/en.
 * @example contentLocation('/site/content/en/mechanisms/value-delivery.mdx') // { lang: 'en', pathInLang: 'mechanisms/value-delivery.mdx', slug: 'mechanisms/value-delivery' }
 */
export function contentLocation(path: string | undefined): ContentLocation | undefined {
  const match = /(?:^|[\\/])content[\\/]([^\\/]+)[\\/](.+)$/.exec(path ?? '');
  const [, lang, pathInLang] = match ?? [];
  if (!isLang(lang) || pathInLang === undefined) return undefined;
  return { lang, pathInLang, slug: slugFromContentFile(pathInLang) };
}
