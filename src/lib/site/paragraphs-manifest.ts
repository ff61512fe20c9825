import { LANGS, type Lang } from '../../i18n/utils';
import { parseAnchor } from '../anchors/ids';
import { pageUrl } from './urls';

/** One paper paragraph in /paragraphs.json (docs/contract.md, "Downloads and offline reading"). */
export interface ParagraphRecord {
  /** Its anchor id, the same in both languages, e.g. "s3-2-1-p2". */
  id: string;
  /** The paper section it belongs to, e.g. "3.2.1". */
  section: string;
  /** The page that holds it, per language, under the base path (without the anchor). */
  paths: Record<Lang, string>;
  /** Its plain text, per language. */
  texts: Record<Lang, string>;
  /** Its sentences' ids, in reading order (the same in both languages). */
  sentences: string[];
}

/** What the manifest needs of one section page in each language. */
export interface ParagraphsPage {
  slug: string;
  versions: Record<Lang, { paragraphs: readonly string[]; sentences: readonly string[]; texts: Readonly<Record<string, string>> }>;
}

/** Every paper paragraph, page by page in reading order; throws if a paragraph has no text in a language. */
export function paragraphsManifest(pages: readonly ParagraphsPage[], base: string): ParagraphRecord[] {
  return pages.flatMap((page) =>
    page.versions.zh.paragraphs.map((id) => {
      const section = parseAnchor(id)?.section;
      if (section === undefined) throw new Error(`Not a paragraph id: ${id}`);
      const text = (lang: Lang): string => {
        const value = page.versions[lang].texts[id];
        if (!value) throw new Error(`Paragraph ${id} has no ${lang} text on ${page.slug}`);
        return value;
      };
      return {
        id,
        section,
        paths: Object.fromEntries(LANGS.map((lang) => [lang, pageUrl(base, lang, page.slug)])) as Record<Lang, string>,
        texts: Object.fromEntries(LANGS.map((lang) => [lang, text(lang)])) as Record<Lang, string>,
        sentences: page.versions.zh.sentences.filter((sentence) => sentence.startsWith(`${id}-s`)),
      };
    }),
  );
}
