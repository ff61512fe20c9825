import { useTranslations, type Lang } from '../../i18n/utils';
import { noteSection, parseAnchor } from './ids';

/**
 * How the site names a place in the paper: "s3-2-1-p2" → "§3.2.1 ¶2" / "3.2.1 节第 2 段";
 * "s3-2-1-p2-s3" → "§3.2.1 ¶2, sentence 3" / "3.2.1 节第 2 段第 3 句";
 * a heading anchor → "Section 3.2.1" / "第 3.2.1 节"; any other id is returned as it is.
 */
export function placeLabel(anchor: string, lang: Lang): string {
  const t = useTranslations(lang);
  const parsed = parseAnchor(anchor);
  if (!parsed) return anchor;
  if (parsed.paragraph === undefined) return t('section.label', { n: parsed.section });
  if (parsed.sentence === undefined) return t('anchor.paragraph', { section: parsed.section, n: parsed.paragraph });
  return t('anchor.sentence', { section: parsed.section, paragraph: parsed.paragraph, n: parsed.sentence });
}

/**
 * How the site names one of its notes: "s3-1-note-2", a translator's note → "Translator’s note, §3.1"
 * / "3.1 节译者注"; the kind alone for an id of any other form.
 */
export function noteLabel(anchor: string, kind: 'editor' | 'translator', lang: Lang): string {
  const t = useTranslations(lang);
  const section = noteSection(anchor);
  return section ? t('anchor.note', { note: t(`note.${kind}`), section }) : t(`note.${kind}`);
}
