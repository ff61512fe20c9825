import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { HTML_LANG, isLang, useTranslations, type Lang } from '../../i18n/utils';

/** The files under /downloads/, named `{what}.{language}.{format}` (docs/contract.md, "Downloads"). */
export interface Download {
  name: string;
  bytes: number;
}

const WHAT = { paper: 'downloads.paper', course: 'downloads.course' } as const;
const FORMATS = { epub: 'downloads.epub', pdf: 'downloads.pdf', imscc: 'downloads.imscc' } as const;
// Languages named in the reader's language (the language switcher names each in its own).
const LANGUAGES = { zh: 'downloads.zh', en: 'downloads.en', 'zh-en': 'downloads.bilingual' } as const;

const known = <T extends object>(table: T, key: string | undefined): key is Extract<keyof T, string> => key !== undefined && key in table;

/** A size as readers read it: "356 KB", "1.2 MB" (decimal units, as file managers show them). */
export function formatSize(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** What a download is, in the reader's language, from its name; a name of another form is shown as it is. */
export function describeDownload(name: string, lang: Lang): { title: string; language: string; format: string; hreflang?: string } {
  const t = useTranslations(lang);
  const [what, language, format] = name.split('.');
  return {
    title: known(WHAT, what) ? t(WHAT[what]) : name,
    language: known(LANGUAGES, language) ? t(LANGUAGES[language]) : '',
    format: known(FORMATS, format) ? t(FORMATS[format]) : (format ?? ''),
    ...(isLang(language) ? { hreflang: HTML_LANG[language] } : {}),
  };
}

/** The order of the list: the paper before the course files, then format, then language as the contract lists them. */
function order(name: string): string {
  const [what = '', language = '', format = ''] = name.split('.');
  return `${Object.keys(WHAT).indexOf(what)}.${format}.${Object.keys(LANGUAGES).indexOf(language)}`;
}

/**
 * The downloads page's table of every file that exists, with its language, format and size:
 * built after the files, so the page never links to one that was not made.
 * @param href the file's URL on the site
 */
export function downloadsTable(downloads: readonly Download[], lang: Lang, href: (name: string) => string): string {
  const t = useTranslations(lang);
  if (!downloads.length) return toHtml(h('p', t('downloads.none')));
  const rows = [...downloads]
    .sort((a, b) => order(a.name).localeCompare(order(b.name)))
    .map(({ name, bytes }) => {
      const { title, language, format, hreflang } = describeDownload(name, lang);
      // The paper comes in six files: a list of the page's links names each by its language and format too.
      const context =
        language && format ? h('span', { className: ['visually-hidden'] }, t('downloads.linkContext', { language, format })) : '';
      return h('tr', [
        h('td', [h('a', { href: href(name), download: '', hrefLang: hreflang }, [title, context]), h('br'), h('code', name)]),
        h('td', language),
        h('td', format),
        h('td', { className: ['size'] }, formatSize(bytes)),
      ]);
    });
  const head = h(
    'thead',
    h(
      'tr',
      [t('downloads.file'), t('downloads.language'), t('downloads.format'), t('downloads.size')].map((label) =>
        h('th', { scope: 'col' }, label),
      ),
    ),
  );
  return toHtml(h('table', { className: ['downloads'] }, [head, h('tbody', rows)]));
}
