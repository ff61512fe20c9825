import type { APIRoute, GetStaticPaths } from 'astro';
import { langStaticPaths, useTranslations, type Lang } from '../../i18n/utils';
import { alignedSections } from '../../lib/content/collection';
import { paper } from '../../lib/content/paper';
import { cartridgeZip } from '../../lib/site/course-cartridge';
import { paperSections } from '../../lib/site/paper-sections';
import { pageUrl } from '../../lib/site/urls';

export const getStaticPaths = langStaticPaths satisfies GetStaticPaths;

/** /downloads/course.{lang}.imscc: the course cartridge, web links to every section in one language. */
export const GET: APIRoute = async ({ props, site }) => {
  const { lang } = props as { lang: Lang };
  const t = useTranslations(lang);
  const base = import.meta.env.BASE_URL;
  const absolute = (slug: string, hash = '') => new URL(pageUrl(base, lang, slug, hash), site).href;
  const numbered = await paperSections(base);
  // A folder per page: the page, its parallel view, and each numbered subsection it holds (3.1 on the page of 3).
  const sections = (await alignedSections()).map((section) => {
    const title = `${section.section}. ${section[lang].entry.data.title}`;
    const subsections = numbered.filter(
      (record) => record.paths[lang] === pageUrl(base, lang, section.slug) && record.number !== section.section,
    );
    return {
      section: section.section,
      title,
      links: [
        { title, url: absolute(section.slug) },
        { title: `${title} · ${t('parallel.title')}`, url: absolute(`${section.slug}/parallel`) },
        ...subsections.map((record) => ({ title: `${record.number}. ${record.titles[lang]}`, url: absolute(section.slug, record.id) })),
      ],
    };
  });
  const zip = cartridgeZip({
    lang,
    title: paper.title[lang],
    description: `${t('site.title')} · ${t('site.subtitle')}: ${absolute('')}`,
    rights: `${paper.copyright} ${paper.license.title}: ${paper.license.url}`,
    sections,
  });
  return new Response(zip, { headers: { 'Content-Type': 'application/zip' } });
};
