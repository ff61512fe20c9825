import type { APIRoute } from 'astro';
import { LANGS } from '../i18n/utils';
import { pageSlugs } from '../lib/site/pages';
import { languageAlternates, pageUrl } from '../lib/site/urls';

/** /sitemap.xml: every page, each with its other-language alternate and the chooser as x-default. */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const absolute = (path: string) => new URL(path, site).href;
  const alternates = (slug: string) =>
    languageAlternates(base, site, slug)
      .map(({ hreflang, href }) => `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${href}"/>`)
      .join('');
  const slugs = await pageSlugs();
  const urls = [
    `<url><loc>${absolute(pageUrl(base, undefined))}</loc></url>`,
    ...slugs.flatMap((slug) => LANGS.map((lang) => `<url><loc>${absolute(pageUrl(base, lang, slug))}</loc>${alternates(slug)}</url>`)),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
