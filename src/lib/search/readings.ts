import * as OpenCC from 'opencc-js/cn2t';
import { pinyin } from 'pinyin-pro';

// Build time only: neither library ships to the browser.

/**
 * Taiwan and Hong Kong readers type these standards; OpenCC's own Traditional standard covers the
 * rest. Made on first use: building their dictionaries is most of a second of CPU, which the
 * config, importing this module for the search index, would otherwise spend in `astro sync` and in
 * every build that fails before the index.
 */
let converters: ((text: string) => string)[] | undefined;
const toTraditional = () => (converters ??= (['tw', 'hk', 't'] as const).map((to) => OpenCC.Converter({ from: 'cn', to })));
const HAN = /\p{Script=Han}/u;

/** How a Chinese term is read and written elsewhere: what readers without a Simplified IME type. */
export interface Readings {
  /** Pinyin with tone marks, one syllable per character: "jià zhí gòng chuàng". */
  pinyin: string;
  /** Toneless pinyin without spaces: "jiazhigongchuang". */
  toneless: string;
  /** The syllables' initials: "jzgc". */
  initials: string;
  /** The term's Traditional forms (Taiwan, Hong Kong, OpenCC), when they differ from it. */
  traditional: string[];
}

/** The readings of a Chinese term, or undefined for a term that is not all Han characters (MIUI, IoT). */
export function readingsOf(term: string): Readings | undefined {
  if (![...term].every((char) => HAN.test(char))) return undefined;
  const syllables = pinyin(term, { toneType: 'none', type: 'array' });
  return {
    pinyin: pinyin(term),
    toneless: syllables.join(''),
    initials: syllables.map((syllable) => syllable[0]).join(''),
    traditional: [...new Set(toTraditional().map((convert) => convert(term)))].filter((form) => form !== term),
  };
}

/**
 * Traditional → Simplified for every Han character of the corpus that has a Traditional form: the
 * browser folds a Traditional query with it, so it holds only the characters the corpus uses.
 * The corpus comes as its texts, taken one at a time: the pages of a large site joined and spread
 * into characters make an array longer than V8 allows (the 510-section build died of it).
 */
export function traditionalFold(texts: Iterable<string>): Record<string, string> {
  const chars = new Set<string>();
  for (const text of texts) for (const char of text) if (HAN.test(char)) chars.add(char);
  const fold: Record<string, string> = {};
  for (const char of chars) {
    for (const convert of toTraditional()) {
      const traditional = convert(char);
      if (traditional !== char && [...traditional].length === 1) fold[traditional] ??= char;
    }
  }
  return fold;
}
