import { en, zh, type UiKey } from './ui';

/** The site's languages, in the order they are offered. `zh` is the paper's own. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The value of `<html lang>` for each language (Pagefind splits its index by it). */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

const dictionaries: Record<Lang, Record<UiKey, string>> = { zh, en };

/** Type guard for a language code taken from a URL or a file path. */
export function isLang(value: string | undefined): value is Lang {
  return value === 'zh' || value === 'en';
}

/** The other language: the target of the language switcher and the parallel view. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/**
 * Returns `t(key, params?)` for one language. `{name}` placeholders are filled from `params`.
 * @example useTranslations('zh')('figure.label', { n: 1 }) // '图 1'
 */
export function useTranslations(lang: Lang) {
  const dictionary = dictionaries[lang];
  return function t(key: UiKey, params: Record<string, string | number> = {}): string {
    return dictionary[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  };
}

/**
 * Where a content file sits: its language and its path inside that language's folder.
 * @example contentLocation('/site/content/en/mechanisms/value-delivery.mdx') // { lang: 'en', pathInLang: 'mechanisms/value-delivery.mdx' }
 */
export function contentLocation(path: string | undefined): { lang: Lang; pathInLang: string } | undefined {
  const match = /(?:^|[\\/])content[\\/](zh|en)[\\/](.+)$/.exec(path ?? '');
  return match?.[1] && match[2] ? { lang: match[1] as Lang, pathInLang: match[2] } : undefined;
}

/**
 * The language of a content file, from its path (`…/content/zh/…` or `…/content/en/…`).
 * Plugins call this with `file.path` to choose the words they insert.
 * @example langFromContentPath('/site/content/en/introduction.mdx') // 'en'
 */
export function langFromContentPath(path: string | undefined): Lang | undefined {
  return contentLocation(path)?.lang;
}

/**
 * The language of a page from its URL under the site's base path; components rendered inside
 * MDX use it, since they are not handed the page's language.
 * @example langFromUrl(new URL('https://x.org/c/en/introduction/'), '/c/') // 'en'
 */
export function langFromUrl(url: URL, base: string): Lang | undefined {
  const rest = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
  const first = rest.replace(/^\/+/, '').split('/')[0];
  return isLang(first) ? first : undefined;
}

/** `getStaticPaths` of a page that exists once per language (`/zh/…`, `/en/…`), handing it its language. */
export function langStaticPaths() {
  return LANGS.map((lang) => ({ params: { lang }, props: { lang } }));
}
