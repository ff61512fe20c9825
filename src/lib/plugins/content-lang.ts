import type { VFile } from 'vfile';
import type { Lang } from '../../i18n/utils';
import { contentLocation } from '../content/paths';
import { RuleId } from '../content/rule-ids';

/**
 * The language of the file being processed, from its path under content/zh or content/en.
 * A file elsewhere is a site misconfiguration (the plugins would not know which words to insert).
 */
export function contentLang(file: VFile, source: string): Lang {
  const lang = contentLocation(file.path)?.lang;
  if (!lang) {
    file.fail(`Cannot tell the language of \`${file.path || '(no path)'}\`: content files live in content/zh/ or content/en/.`, {
      ruleId: RuleId.missingLanguage,
      source,
    });
  }
  return lang;
}
