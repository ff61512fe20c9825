import { useTranslations, type Lang } from '../../i18n/utils';
import { parseAnchor } from './ids';

/**
 * How the site names a place in the paper: "s3-2-1-p2" → "§3.2.1 ¶2" / "3.2.1 节第 2 段";
 * a heading anchor → "Section 3.2.1" / "第 3.2.1 节"; any other id is returned as it is.
 */
export function placeLabel(anchor: string, lang: Lang): string {
  const t = useTranslations(lang);
  const parsed = parseAnchor(anchor);
  if (!parsed) return anchor;
  return parsed.paragraph === undefined
    ? t('section.label', { n: parsed.section })
    : t('anchor.paragraph', { section: parsed.section, n: parsed.paragraph });
}
