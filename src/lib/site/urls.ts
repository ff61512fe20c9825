import { HTML_LANG, LANGS, type Lang } from '../../i18n/utils';

/**
 * Normalises a base path to start and end with "/": "courses/x" → "/courses/x/".
 * Astro's `import.meta.env.BASE_URL` and the BASE_PATH variable both go through it.
 */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * A page's path under the base, as a directory URL ending in "/" (docs/contract.md, "Pages").
 * @param base the site's base path ("/" or "/courses/bm101/xiaomi/")
 * @param lang the page's language, or `undefined` for the root language chooser
 * @param slug the page inside the language, e.g. "mechanisms/value-proposition"; "" for the home page
 * @param hash an anchor id without "#"
 * @example pageUrl('/', 'en', 'references', 'ref-1') // '/en/references/#ref-1'
 */
export function pageUrl(base: string, lang: Lang | undefined, slug = '', hash = ''): string {
  const parts = [lang, slug].filter(Boolean).join('/');
  const path = normaliseBase(base) + (parts ? `${parts}/` : '');
  return hash ? `${path}#${hash}` : path;
}

/** A file at the site's root, under the base: `assetUrl('/', 'references.bib')` → "/references.bib". */
export function assetUrl(base: string, file: string): string {
  return normaliseBase(base) + file.replace(/^\/+/, '');
}

/**
 * A page's language alternates, for `<link rel="alternate" hreflang>` and the sitemap: its
 * version in each language, and the language chooser as x-default; absolute on `site`.
 * @param slug the page inside its language; both languages share it ("" for the home page)
 */
export function languageAlternates(base: string, site: URL | undefined, slug: string): { hreflang: string; href: string }[] {
  const absolute = (path: string) => new URL(path, site).href;
  return [
    ...LANGS.map((lang) => ({ hreflang: HTML_LANG[lang], href: absolute(pageUrl(base, lang, slug)) })),
    { hreflang: 'x-default', href: absolute(pageUrl(base, undefined)) },
  ];
}
