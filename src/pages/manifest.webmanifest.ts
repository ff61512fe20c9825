import type { APIRoute } from 'astro';
import { HTML_LANG, LANGS, useTranslations } from '../i18n/utils';

/**
 * The web app manifest, so that the site can be added to a phone's home screen: named in both
 * languages (the Chinese original first), starting at the language chooser, under the base path.
 */
export const GET: APIRoute = () => {
  const [zh, en] = LANGS.map((lang) => useTranslations(lang));
  const both = (key: 'site.title' | 'site.subtitle') => LANGS.map((lang) => useTranslations(lang)(key)).join(' · ');
  const manifest = {
    name: both('site.title'),
    short_name: zh?.('site.title'),
    description: both('site.subtitle'),
    lang: HTML_LANG.zh,
    dir: 'ltr',
    // Localised names, for browsers that read them (the W3C manifest's *_localized members).
    name_localized: Object.fromEntries(
      LANGS.map((lang) => [HTML_LANG[lang], { value: useTranslations(lang)('site.title'), lang: HTML_LANG[lang] }]),
    ),
    short_name_localized: { [HTML_LANG.en]: { value: en?.('site.title'), lang: HTML_LANG.en } },
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#ffffff',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'Content-Type': 'application/manifest+json' } });
};
