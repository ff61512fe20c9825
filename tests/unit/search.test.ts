import { describe, expect, test } from 'vitest';
import { parseGlossary } from '../../src/lib/glossary/concepts';
import { searchAliases, searchTerms } from '../../src/lib/search/aliases';
import { onlyRepeatsTitle, tidyExcerpt } from '../../src/lib/search/excerpt.client';
import { highlightPhrases, withHighlights } from '../../src/lib/search/highlight';
import { rankResults, type PageData } from '../../src/lib/search/rank-results.client';
import { readingsOf, traditionalFold } from '../../src/lib/search/readings';

const concepts = parseGlossary([
  {
    id: 'value-co-creation',
    zh: '价值共创',
    en: 'value co-creation',
    aliases: { zh: ['共创'], en: ['co-creation'] },
    definition: { zh: '定义。', en: 'Definition.' },
  },
  {
    id: 'light-asset-model',
    zh: '轻资产模式',
    en: 'asset-light model',
    aliases: { zh: ['轻资产'], en: [] },
    definition: { zh: '定义。', en: 'Definition.' },
  },
  { id: 'miui', zh: 'MIUI', en: 'MIUI', definition: { zh: '定义。', en: 'Definition.' } },
  { id: 'mi-fans', zh: '发烧友', en: 'enthusiasts', definition: { zh: '定义。', en: 'Definition.' } },
]);
const termbase = [
  { zh: '轻资产', en: ['asset-light'], forbidden: ['light-asset', 'light asset'] },
  { zh: '发烧友', en: ['enthusiasts'], forbidden: ['fanboys'], misreadings: ['Mi fans'] },
];

describe('readings of a Chinese term (build time)', () => {
  test('pinyin with tone marks, toneless, initials and Traditional forms', () => {
    expect(readingsOf('价值共创')).toEqual({
      pinyin: 'jià zhí gòng chuàng',
      toneless: 'jiazhigongchuang',
      initials: 'jzgc',
      traditional: ['價值共創'],
    });
    expect(readingsOf('MIUI')).toBeUndefined();
  });

  test('the Traditional fold map holds only the characters of the texts given, page by page', () => {
    const fold = traditionalFold(['价值 ABC', '共创']);
    expect(fold).toMatchObject({ 價: '价', 創: '创' });
    expect(Object.values(fold).every((char) => '价值共创'.includes(char))).toBe(true);
    expect(fold).toEqual(traditionalFold(['价值共创']));
  });
});

describe('search aliases', () => {
  test('pinyin, initials and Traditional forms reach the concept in both languages', () => {
    for (const [lang, term] of [
      ['zh', '价值共创'],
      ['en', 'value co-creation'],
    ] as const) {
      const aliases = searchAliases(concepts, termbase, lang);
      expect(aliases).toMatchObject({ jiazhigongchuang: term, jzgc: term, 價值共創: term });
    }
    // Two-syllable initials ("qz", "gc") would rewrite ordinary abbreviations.
    expect(searchAliases(concepts, termbase, 'en')['gc']).toBeUndefined();
  });

  test('the termbase’s rejected renderings stand for the agreed term; a term never maps to itself', () => {
    expect(searchAliases(concepts, termbase, 'en')['light-asset']).toBe('asset-light');
    expect(searchAliases(concepts, termbase, 'zh')['light-asset']).toBe('轻资产');
    expect(searchAliases(concepts, termbase, 'en')['fanboys']).toBe('enthusiasts');
    // A rendering that names something else (米粉) is searched as typed, in either language.
    expect(searchAliases(concepts, termbase, 'en')['mi fans']).toBeUndefined();
    expect(searchAliases(concepts, termbase, 'zh')['mi fans']).toBeUndefined();
    expect(searchAliases(concepts, termbase, 'en')['value co-creation']).toBeUndefined();
  });

  test('only the Chinese search gets the fold map', () => {
    expect(searchTerms(concepts, termbase, 'en', ['价值']).fold).toEqual({});
    expect(searchTerms(concepts, termbase, 'zh', ['价值']).fold).toMatchObject({ 價: '价' });
  });
});

describe('ranking places', () => {
  /** A page whose anchors start at the given word positions, with one sub-result per anchor. */
  const page = (url: string, paragraphs: Record<string, string>): PageData => {
    const words: string[] = [];
    const anchors = Object.entries(paragraphs).map(([id, text]) => {
      const anchor = { element: 'p', id, title: id, location: words.length };
      words.push(...text.split(' '));
      return anchor;
    });
    return {
      url,
      excerpt: '',
      raw_content: words.join(' '),
      meta: { title: url },
      anchors,
      sub_results: anchors.map((anchor) => ({ title: anchor.title, url: `${url}#${anchor.id}`, excerpt: '', anchor })),
    };
  };

  test('the place with the whole query comes first, and a glossary lists only the concepts with every word', () => {
    const glossary = page('/en/glossary/', {
      'term-business-model': 'business model',
      'term-light-asset-model': 'asset-light model',
      'term-new-retail': 'new retail model',
    });
    const section = page('/en/value-acquisition/', { p1: 'a model of light assets', p2: 'Xiaomi runs an asset-light model here' });
    const ranked = rankResults('asset-light model', [section, glossary]);
    expect(ranked.map((entry) => entry.places.map((place) => place.anchor?.id))).toEqual([['p2'], ['term-light-asset-model']]);
  });

  test('among whole matches the place titled by the query (the exact concept) comes first', () => {
    const glossary = page('/en/glossary/', {
      'value co-creation theory': 'value co-creation theory',
      'value co-creation': 'value co-creation',
    });
    const [entry] = rankResults('value co-creation', [glossary]);
    expect(entry?.places.map((place) => place.title)).toEqual(['value co-creation', 'value co-creation theory']);
  });

  test('Chinese text split by Pagefind’s zero-width spaces is compared whole', () => {
    const chinese: PageData = {
      ...page('/zh/case-overview/', { p1: 'x', p2: 'y' }),
      raw_content: '小米\u200b开设\u200b小米\u200b之\u200b家',
      anchors: [
        { element: 'p', id: 'p1', title: 'p1', location: 0 },
        { element: 'p', id: 'p2', title: 'p2', location: 2 },
      ],
    };
    chinese.sub_results = chinese.anchors.map((anchor) => ({ title: anchor.id, url: `#${anchor.id}`, excerpt: '', anchor }));
    const [entry] = rankResults('小米之家', [chinese]);
    expect(entry?.places.map((place) => place.anchor?.id)).toEqual(['p2']);
  });
});

describe('what a result’s page highlights', () => {
  test('the query as typed, the term it was searched as, and each word of several: hyphens and Chinese terms whole', () => {
    expect(highlightPhrases(' asset-light ', 'asset-light model')).toEqual(['asset-light', 'asset-light model', 'model']);
    expect(highlightPhrases('closed loop', 'closed loop')).toEqual(['closed loop', 'closed', 'loop']);
    // Quotes come off; an alias's words are marked too (light-asset is searched as asset-light).
    expect(highlightPhrases('"value co-creation"', 'value co-creation')).toEqual(['value co-creation', 'value', 'co-creation']);
    expect(highlightPhrases('light-asset xiaomi', 'asset-light xiaomi')).toContain('asset-light');
    // Chinese: the term whole, and its words of two characters or more for places that have them apart.
    expect(highlightPhrases('米家', '米家')).toEqual(['米家']);
    expect(highlightPhrases('小米手机', '小米手机')).toEqual(['小米手机', '小米', '手机']);
  });

  test('a result’s link carries those phrases instead of Pagefind’s, and keeps its place', () => {
    expect(withHighlights('/en/x/?highlight=assetlight#s1-p1', ['asset-light', 'asset-light model'])).toBe(
      '/en/x/?highlight=asset-light&highlight=asset-light+model#s1-p1',
    );
    expect(withHighlights('https://example.org/zh/?highlight=%E7%B1%B3', ['米家'])).toBe(
      'https://example.org/zh/?highlight=%E7%B1%B3%E5%AE%B6',
    );
  });
});

describe('excerpts', () => {
  test('lose the space Pagefind puts after a Chinese full stop before more Chinese, and a mark or number’s dot they start with', () => {
    expect(tidyExcerpt('满足需求[16]。 基于此，<mark>小米</mark>。 <mark>小米</mark>')).toBe(
      '满足需求[16]。基于此，<mark>小米</mark>。<mark>小米</mark>',
    );
    expect(tidyExcerpt('，通过<mark>小米</mark>社区')).toBe('通过<mark>小米</mark>社区');
    expect(tidyExcerpt('. <mark>价值</mark>共同<mark>主张</mark>. <mark>价值</mark>')).toBe(
      '<mark>价值</mark>共同<mark>主张</mark>. <mark>价值</mark>',
    );
  });

  test('keep every full stop of the text, English spacing and the paper’s numbers', () => {
    // As Pagefind gives them on /en/mechanisms/value-proposition/, /zh/references/, /en/references/ and /en/about/.
    for (const html of [
      'does not use the word 米粉. 2) Innovating',
      '杨俊, 薛鸿博, 牛梦茜. 基于',
      '杨俊, 薛鸿博, &amp; 牛梦茜. (2018).',
      '（国家社会科学基金）。 Supported by',
      '3.2.1. <mark>Value</mark> <mark>Co-Proposition.</mark> <mark>Value</mark> is',
    ])
      expect(tidyExcerpt(html)).toBe(html);
  });

  test('a heading’s place whose excerpt is only its title (and Pagefind’s full stop) shows no excerpt, in either language', () => {
    expect(onlyRepeatsTitle('3.3.1. <mark>市场</mark><mark>份额</mark>扩大，成长能力卓越.', '3.3.1. 市场份额扩大，成长能力卓越')).toBe(
      true,
    );
    expect(
      onlyRepeatsTitle(
        '3.3.1. Larger <mark>Market</mark> Share and Outstanding Growth Capability.',
        '3.3.1. Larger Market Share and Outstanding Growth Capability',
      ),
    ).toBe(true);
    expect(onlyRepeatsTitle('3.3.1. <mark>市场</mark>份额扩大，成长能力卓越. 小米通过', '3.3.1. 市场份额扩大，成长能力卓越')).toBe(false);
  });
});
