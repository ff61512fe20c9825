import { en, zh, type UiKey } from './ui';

/** The site's languages, in the order they are offered. `zh` is the paper's own. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The value of `<html lang>` for each language (Pagefind splits its index by it). */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** What follows a sentence's or a label's closing mark before the next words: a space after English ". :", nothing after Chinese "。：". */
export const GAP_AFTER_MARK: Record<Lang, string> = { zh: '', en: ' ' };

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
    return dictionary[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}

/**
 * The language a component was handed, checked: content components get it from their content
 * file (remark-component-lang), page components from their page. Never a default, so a component
 * rendered without a language fails the build instead of showing the other language's words.
 * @param component the component's name, for the message
 */
export function requireLang(value: unknown, component: string): Lang {
  if (typeof value === 'string' && isLang(value)) return value;
  throw new Error(`<${component}> received lang=${JSON.stringify(value)}. Expected one of: ${LANGS.join(', ')}.`);
}

/** `getStaticPaths` of a page that exists once per language (`/zh/…`, `/en/…`), handing it its language. */
export function langStaticPaths() {
  return LANGS.map((lang) => ({ params: { lang }, props: { lang } }));
}
