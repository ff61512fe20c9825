import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { en, zh } from '../../src/i18n/ui';
import { fill, parseRange, PASSAGE_STRING_KEYS, passageStrings, rangeLabel, rangeUrl } from '../../src/lib/passages/labels';
import { encodeTerm, textDirective, wholeWords } from '../../src/lib/passages/text-fragment';
import { cartridgeManifest, cartridgeZip, type Cartridge } from '../../src/lib/site/course-cartridge';
import { paperJsonLd } from '../../src/lib/site/json-ld';

describe('text fragments of quotes', () => {
  const zhText = '小米公司以用户为中心，打造了“为发烧而生”的品牌形象。';

  test('a selection is widened to whole words, as Chinese word boundaries fall', () => {
    // “米公” cuts into 小米 and 公司: the quote becomes 小米公司.
    const [start, end] = wholeWords(zhText, 1, 3, 'zh-CN');
    expect(zhText.slice(start, end)).toBe('小米公司');
    const enText = 'Xiaomi redefined user needs to acquire customers precisely.';
    const [from, to] = wholeWords(enText, 9, 23, 'en'); // “defined user ne”
    expect(enText.slice(from, to)).toBe('redefined user needs');
  });

  test('the directive escapes its own syntax characters and percent-encodes the rest', () => {
    expect(encodeTerm('co-creation, value & more')).toBe('co%2Dcreation%2C%20value%20%26%20more');
    expect(textDirective(zhText, 0, 4, 'zh-CN')).toBe(`text=${encodeURIComponent('小米公司')}`);
  });

  test('a long quote is linked by its first and last words', () => {
    const text =
      'Xiaomi redefined user needs to acquire customers precisely, and it built a community where enthusiasts took part in the design of MIUI.';
    expect(decodeURIComponent(textDirective(text, 0, text.length, 'en'))).toBe(
      'text=Xiaomi redefined user needs,part in the design of MIUI.',
    );
  });

  test('a quote whose start occurs earlier on the page gets the words before it as a prefix', () => {
    const text = '小米的用户，以及小米的用户社区。';
    const second = text.lastIndexOf('小米的用户');
    expect(decodeURIComponent(textDirective(text, second, second + 5, 'zh-CN'))).toBe('text=的用户，以及-,小米的用户');
    expect(decodeURIComponent(textDirective('小米的用户。', 0, 5, 'zh-CN', '前文提到小米的用户'))).toBe('text=小米的用户');
  });
});

describe('passage names and links', () => {
  test('?p= is read back only in its FIRST..LAST form', () => {
    expect(parseRange('s3-2-1-p2..s3-2-1-p4')).toEqual({ first: 's3-2-1-p2', last: 's3-2-1-p4' });
    // What a teacher may type instead: one id, three dots, an ellipsis or a dash.
    expect(parseRange('s3-2-1-p2')).toEqual({ first: 's3-2-1-p2', last: 's3-2-1-p2' });
    for (const joined of ['s3-2-1-p2...s3-2-1-p4', 's3-2-1-p2…s3-2-1-p4', 's3-2-1-p2–s3-2-1-p4', 's3-2-1-p2—s3-2-1-p4']) {
      expect(parseRange(joined), joined).toEqual({ first: 's3-2-1-p2', last: 's3-2-1-p4' });
    }
    for (const bad of ['s3-2-1-p2.s3-2-1-p4', 's3-2-1-p2..', '..s3-2-1-p4', 's3-2-1-p2 s3-2-1-p4', ''])
      expect(parseRange(bad), bad).toBeUndefined();
    expect(parseRange(null)).toBeUndefined();
  });

  test('a range link keeps the page, drops any query and lands on the first id', () => {
    expect(rangeUrl('https://reading.example.org/courses/x/en/mechanisms/value-proposition/', 's3-2-1-p2', 's3-2-1-p3')).toBe(
      'https://reading.example.org/courses/x/en/mechanisms/value-proposition/?p=s3-2-1-p2..s3-2-1-p3#s3-2-1-p2',
    );
  });

  test('the page hands the strings over as a list in a fixed order, read back by key', () => {
    const list = JSON.stringify(PASSAGE_STRING_KEYS.map((key) => zh[key]));
    expect(passageStrings(list)['passage.paragraphs']).toBe('第 {first}–{last} 段');
    expect(passageStrings(list)['anchor.sentence']).toBe(zh['anchor.sentence']);
    expect(rangeLabel('s3-2-1-p2', 's3-2-1-p4', passageStrings(list))).toBe('第 2–4 段');
  });

  test('passages are named in the page’s language', () => {
    expect(rangeLabel('s3-2-1-p2', 's3-2-1-p4', en)).toBe('¶2–4');
    expect(rangeLabel('s3-2-1-p2', 's3-2-1-p4', zh)).toBe('第 2–4 段');
    expect(rangeLabel('s3-2-1-p2-s2', 's3-2-1-p2-s4', en)).toBe('¶2, sentences 2–4');
    expect(rangeLabel('s3-2-1-p2-s2', 's3-2-1-p2-s4', zh)).toBe('第 2 段第 2–4 句');
    expect(rangeLabel('s3-3-p1', 's3-3-1-p1', en)).toBe('§3.3 ¶1–§3.3.1 ¶1');
    expect(rangeLabel('s3-1-p3', 's3-1-p3', en)).toBe('¶3');
    expect(fill(en['passage.assigned'], { range: '¶2–4' })).toBe('Assigned passage: ¶2–4');
  });
});

describe('the course cartridge', () => {
  const cartridge: Cartridge = {
    lang: 'zh',
    title: '基于价值共创理论下的商业模式创新——以小米公司为例',
    description: 'd & <e>',
    rights: 'CC BY 4.0',
    sections: [
      { section: '3', title: '3. 案例', links: [{ title: '3. 案例', url: 'https://example.org/zh/case-overview/' }] },
      {
        section: '3.2',
        title: '3.2. 机制',
        links: [
          { title: '3.2. 机制', url: 'https://example.org/zh/mechanisms/' },
          { title: '3.2. 机制 · 中英对照', url: 'https://example.org/zh/mechanisms/parallel/' },
        ],
      },
    ],
  };

  test('is a ZIP with the manifest and one web link per link, and no two identifiers alike', () => {
    const files = unzipSync(cartridgeZip(cartridge));
    expect(Object.keys(files)).toEqual(['imsmanifest.xml', 'weblinks/s3-l1.xml', 'weblinks/s3-2-l1.xml', 'weblinks/s3-2-l2.xml']);
    const manifest = strFromU8(files['imsmanifest.xml']!);
    expect(manifest).toBe(cartridgeManifest(cartridge));
    expect(manifest).toContain('<schema>IMS Thin Common Cartridge</schema>');
    expect(manifest).toContain('<schemaversion>1.3.0</schemaversion>');
    expect(manifest).toContain('<lomimscc:language>zh-CN</lomimscc:language>');
    expect(manifest).toContain('d &amp; &lt;e&gt;');
    const ids = [...manifest.matchAll(/identifier="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(strFromU8(files['weblinks/s3-2-l2.xml']!)).toContain(
      '<url href="https://example.org/zh/mechanisms/parallel/" target="_blank"/>',
    );
  });

  test('is the same bytes every time, whatever the clock says', () => {
    expect(Buffer.from(cartridgeZip(cartridge)).equals(Buffer.from(cartridgeZip(cartridge)))).toBe(true);
  });
});

describe('JSON-LD', () => {
  const paper = {
    title: { zh: '中文题目', en: 'English title' },
    authors: [{ zh: '金成瑞', en: 'Chengrui Jin' }],
    published: '2024-05-31',
    publisher: 'Hans Publishers Inc.',
    license: { url: 'http://creativecommons.org/licenses/by/4.0/' },
  };
  const site = {
    names: { zh: '价值共创与小米', en: 'Value Co-Creation and Xiaomi' },
    translationDate: '2026-11-27',
    origin: 'https://example.org',
    base: '/c/',
  };

  test('English pages describe the translation of the Chinese original, translated by this site', () => {
    expect(paperJsonLd(paper, site, 'en')).toMatchObject({
      '@type': 'ScholarlyArticle',
      inLanguage: 'en',
      translator: { '@type': 'Organization', name: 'Value Co-Creation and Xiaomi', url: 'https://example.org/c/' },
      translationOfWork: {
        '@type': 'ScholarlyArticle',
        inLanguage: 'zh-CN',
        headline: '中文题目',
        datePublished: '2024-05-31',
        url: 'https://example.org/c/zh/',
      },
    });
  });

  test('Chinese pages describe the original and name its translation', () => {
    const data = paperJsonLd(paper, site, 'zh');
    expect(data).toMatchObject({
      inLanguage: 'zh-CN',
      headline: '中文题目',
      workTranslation: { inLanguage: 'en', url: 'https://example.org/c/en/' },
    });
    expect(data).not.toHaveProperty('translator');
    expect(JSON.stringify(data)).not.toMatch(/volume|pagination|doi|isPartOf/i);
  });
});
