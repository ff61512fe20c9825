import { Script } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { requireLang, useTranslations } from '../../src/i18n/utils';
import { contentLocation } from '../../src/lib/content/paths';
import { compareSections, parseAnchor, sectionAnchor } from '../../src/lib/anchors/ids';
import { pairAdditions, pairBlocks } from '../../src/lib/parallel/pair-blocks';
import { withOtherLanguageLinks } from '../../src/lib/reader/other-language-links';
import { noteLabel, placeLabel } from '../../src/lib/anchors/labels';
import { summaryOf } from '../../src/lib/content/summary';
import { translateQuery } from '../../src/lib/search/translate-query.client';
import { normaliseBase, pageUrl } from '../../src/lib/site/urls';
import { bundleWorker, withManifest } from '../../src/lib/site/offline-worker';

describe('urls', () => {
  test.each([
    [undefined, '/'],
    ['', '/'],
    ['/courses/bm101/xiaomi/', '/courses/bm101/xiaomi/'],
    ['courses/bm101', '/courses/bm101/'],
  ])('normaliseBase(%j) is %j', (base, expected) => expect(normaliseBase(base)).toBe(expected));

  test('page URLs are directory URLs under the base, with an optional anchor', () => {
    expect(pageUrl('/', 'en', 'references', 'ref-1')).toBe('/en/references/#ref-1');
    expect(pageUrl('/c/x/', 'zh', 'mechanisms/value-delivery')).toBe('/c/x/zh/mechanisms/value-delivery/');
    expect(pageUrl('/c/x/', undefined)).toBe('/c/x/');
  });
});

describe('anchors', () => {
  test('section numbers sort as the paper does', () => {
    expect(['4', '3.2.1', '3', '3.10', '3.2', '1'].sort(compareSections)).toEqual(['1', '3', '3.2', '3.2.1', '3.10', '4']);
  });
  test('anchors read back', () => {
    expect(sectionAnchor('3.2.1')).toBe('s3-2-1');
    expect(parseAnchor('s3-2-1-p2')).toEqual({ section: '3.2.1', paragraph: 2 });
    expect(parseAnchor('fig-1')).toBeUndefined();
    expect(placeLabel('s3-2-1-p2', 'en')).toBe('§3.2.1 ¶2');
    expect(placeLabel('s4', 'zh')).toBe('第 4 节');
    expect(noteLabel('s3-1-note-2', 'translator', 'en')).toBe('Translator’s note, §3.1');
    expect(noteLabel('s4-note-1', 'editor', 'zh')).toBe('4 节编者注');
    expect(noteLabel('s3-1-p2', 'editor', 'zh')).toBe('编者注');
  });
});

describe('i18n', () => {
  test('fills placeholders', () => {
    expect(useTranslations('zh')('figure.label', { n: 1 })).toBe('图 1');
  });
  test('a content file’s path gives its language and page; any other path gives none', () => {
    expect(contentLocation('/x/content/en/mechanisms/value-delivery.mdx')).toEqual({
      lang: 'en',
      pathInLang: 'mechanisms/value-delivery.mdx',
      slug: 'mechanisms/value-delivery',
    });
    expect(contentLocation('C:\\x\\content\\zh\\index.mdx')).toMatchObject({ lang: 'zh', slug: '' });
    expect(contentLocation('/x/content/fr/introduction.mdx')).toBeUndefined();
    expect(contentLocation('/x/src/pages/a.astro')).toBeUndefined();
  });
  test('a component’s language is required, never defaulted', () => {
    expect(requireLang('zh', 'Note')).toBe('zh');
    expect(() => requireLang(undefined, 'Note')).toThrow('<Note> received lang=undefined');
    expect(() => requireLang('fr', 'Timeline')).toThrow('Expected one of: zh, en');
  });
});

describe('parallel view', () => {
  test('pairs blocks by anchor and keeps ids only in the page’s language', () => {
    const zh =
      '<h2 id="s2-1">2.1. 标题</h2><p id="s2-1-p1">段落<a aria-describedby="preview-ref-1" href="#">[1]</a></p><aside class="note">注</aside>';
    const en =
      '<h2 id="s2-1">2.1. Title</h2><p id="s2-1-p1">Paragraph<a aria-describedby="preview-ref-1" href="#">[1]</a></p><aside class="note">Note</aside>';
    const rows = pairBlocks(zh, en, 'en');
    expect(rows.map((row) => row.anchor)).toEqual(['s2-1', 's2-1-p1', '']);
    expect(rows[1]?.en).toContain('id="s2-1-p1"');
    expect(rows[1]?.zh).not.toContain('id=');
    expect(rows[1]?.zh).not.toContain('aria-describedby');
  });

  test('puts each of a paragraph’s notes, figures and tables in a row after it, with its translation, so that on a phone nothing comes between the two versions', () => {
    const rows = pairBlocks(
      '<p id="s1-p1">甲</p><aside class="note">注</aside><figure>图</figure><p id="s1-p2">乙</p>',
      '<p id="s1-p1">A</p><aside class="note">Note</aside><figure>Figure</figure><p id="s1-p2">B</p>',
      'zh',
    );
    expect(rows).toEqual([
      { anchor: 's1-p1', additions: false, zh: '<p id="s1-p1">甲</p>', en: '<p>A</p>' },
      { anchor: '', additions: true, zh: '<aside class="note">注</aside>', en: '<aside class="note">Note</aside>' },
      { anchor: '', additions: true, zh: '<figure>图</figure>', en: '<figure>Figure</figure>' },
      { anchor: 's1-p2', additions: false, zh: '<p id="s1-p2">乙</p>', en: '<p>B</p>' },
    ]);
    // Where the languages' additions do not correspond one to one, they share one row.
    const uneven = pairBlocks('<p id="s1-p1">甲</p><aside>注</aside>', '<p id="s1-p1">A</p><aside>Note</aside><aside>More</aside>', 'zh');
    expect(uneven.map((row) => row.en)).toEqual(['<p>A</p>', '<aside>Note</aside><aside>More</aside>']);
  });

  test('pairs additions by their ids when the languages have different numbers of them, what one has alone on its own', () => {
    const id = (name: string) => (name.includes('#') ? name.split('#')[1] : undefined);
    expect(pairAdditions(['section#abstract', 'section#keywords'], ['section#abstract', 'section#keywords', 'p.note'], id)).toEqual([
      [['section#abstract'], ['section#abstract']],
      [['section#keywords'], ['section#keywords']],
      [[], ['p.note']],
    ]);
    expect(pairAdditions(['a#x', 'b#y'], ['c', 'a#x', 'd', 'b#y'], id)).toEqual([
      [[], ['c']],
      [['a#x'], ['a#x']],
      [[], ['d']],
      [['b#y'], ['b#y']],
    ]);
    // An addition of the original's without a counterpart, or counterparts out of order: all together.
    expect(pairAdditions(['a#x', 'q'], ['a#x', 'b', 'c'], id)).toEqual([
      [
        ['a#x', 'q'],
        ['a#x', 'b', 'c'],
      ],
    ]);
    expect(pairAdditions(['a#x', 'b#y'], ['b#y', 'a#x', 'c'], id)).toEqual([
      [
        ['a#x', 'b#y'],
        ['b#y', 'a#x', 'c'],
      ],
    ]);
  });

  test('the other language’s sentences keep their ids as data-sentence, for pairing', () => {
    const rows = pairBlocks(
      '<p id="s1-p1"><span id="s1-p1-s1" class="sentence">甲。</span></p>',
      '<p id="s1-p1"><span id="s1-p1-s1" class="sentence">A.</span></p>',
      'zh',
    );
    expect(rows[0]?.zh).toContain('<span id="s1-p1-s1" class="sentence">');
    expect(rows[0]?.en).toContain('<span class="sentence" data-sentence="s1-p1-s1">');
  });

  test('refuses versions that do not pair up', () => {
    expect(() => pairBlocks('<p id="a">x</p>', '<p id="b">y</p>', 'zh')).toThrow('cannot pair');
  });

  test('notes are never paired by their ids: each language numbers its own', () => {
    // An English-only translator's note takes s3-1-note-1, and the editor's note becomes s3-1-note-2.
    const rows = pairBlocks(
      '<p id="s3-1-p1">甲。</p><div class="note" id="s3-1-note-1">编者注</div>',
      '<p id="s3-1-p1">A.</p><div class="note" id="s3-1-note-1">Translator</div><div class="note" id="s3-1-note-2">Editor</div>',
      'zh',
    );
    const additions = rows.filter((row) => row.additions);
    expect(additions).toHaveLength(1);
    expect(additions[0]?.zh).toContain('编者注');
    expect(additions[0]?.en).toContain('Translator');
    expect(additions[0]?.en).toContain('Editor');
  });
});

describe('the other language, paragraph by paragraph', () => {
  test('every paper paragraph, and nothing else, ends in a link to its other-language version, left out of search', () => {
    const html = withOtherLanguageLinks('<h2 id="s2-1">2.1</h2><p id="s2-1-p1" class="para">A.</p><div class="note"><p>Note</p></div>', {
      hreflang: 'zh-CN',
      text: '中文',
      href: (id) => `/zh/literature-review/#${id}`,
      place: (id) => `¶ ${id}`,
    });
    expect(html).toBe(
      '<h2 id="s2-1">2.1</h2><p id="s2-1-p1" class="para">A.<a class="other-lang" href="/zh/literature-review/#s2-1-p1" hreflang="zh-CN" data-pagefind-ignore=""><span lang="zh-CN">中文</span><span class="visually-hidden">, ¶ s2-1-p1</span></a></p><div class="note"><p>Note</p></div>',
    );
  });
});

describe('text and search helpers', () => {
  test('a summary keeps an annotation’s words and drops citations', () => {
    expect(summaryOf('[价值共创](term:value-co-creation)研究基于两种逻辑 [@vargo2004]。', 200)).toBe('价值共创研究基于两种逻辑。');
    expect(summaryOf('abcdefghij', 5)).toBe('abcd…');
  });

  test('a query in the other language becomes this language’s term, longest match first', () => {
    const terms = { aliases: { 价值共创: 'value co-creation', 价值共创理论: 'value co-creation theory' }, fold: {} };
    expect(translateQuery('价值共创理论', terms)).toBe('value co-creation theory');
    expect(translateQuery('Xiaomi 价值共创', terms)).toBe('xiaomi value co-creation');
  });

  test('nothing is widened: a term typed in part stays as typed, and a short Latin key never rewrites part of a word', () => {
    const terms = { aliases: { 'asset-light model': '轻资产模式', jzgc: '价值共创' }, fold: {} };
    expect(translateQuery('asset-light', terms)).toBe('asset-light');
    expect(translateQuery('ecosystem', terms)).toBe('ecosystem');
    expect(translateQuery('jzgcx', terms)).toBe('jzgcx');
  });

  test('this language’s own term masks a shorter alias inside it', () => {
    const terms = { aliases: { 共创: '价值共创' }, fold: {} };
    expect(translateQuery('价值共创', terms)).toBe('价值共创');
    expect(translateQuery('共创', terms)).toBe('价值共创');
  });

  test('pinyin with or without spaces, and a Traditional query folded to Simplified', () => {
    const terms = { aliases: { jiazhigongchuang: '价值共创' }, fold: { 價: '价', 創: '创', 實: '实' } };
    expect(translateQuery('Jiazhi Gongchuang', terms)).toBe('价值共创');
    expect(translateQuery('jia zhi gong chuang', terms)).toBe('价值共创');
    expect(translateQuery('價值共創', terms)).toBe('价值共创');
    expect(translateQuery('價格', terms)).toBe('价格');
  });
});

describe('404 suggestions', () => {
  const pages = [
    'en/',
    'en/introduction/parallel/',
    'en/mechanisms/value-co-creation/',
    'en/mechanisms/value-co-creation/parallel/',
    'en/mechanisms/value-delivery/',
    'zh/mechanisms/value-delivery/',
    'en/references/',
    'zh/about/',
  ];
  test.each([
    ['en/mechanisms/value-delivery', { page: 'en/mechanisms/value-delivery/', exact: true }],
    ['en/value-delivery/', { page: 'en/mechanisms/value-delivery/', exact: false }],
    ['zh/value-delivery', { page: 'zh/mechanisms/value-delivery/', exact: false }],
    ['en/mechanisms/value-creation/parallel/', { page: 'en/mechanisms/value-co-creation/parallel/', exact: false }],
    ['en/value-co-creation/', { page: 'en/mechanisms/value-co-creation/', exact: false }],
    ['en/refrences/', { page: 'en/references/', exact: false }],
    ['en/about/', { page: 'zh/about/', exact: false }],
    ['about', { page: 'zh/about/', exact: false }],
    ['en/nothing-here/', undefined],
    ['en/nothing-here/parallel/', undefined],
  ])('%s → %j', async (path, expected) => {
    const { suggestPage } = await import('../../src/lib/site/suggest-page.client');
    expect(suggestPage(path, pages)).toEqual(expected);
  });
});

describe('the offline worker', () => {
  const entries = [
    { url: 'en/index.html', revision: 'a$&1' },
    { url: '_astro/app.Ab12.js', revision: null },
  ];

  test('is one classic script with Workbox in it and the list of files to save, as written, in its slot', async () => {
    const worker = withManifest(await bundleWorker(), entries);
    // A classic script: new Script() refuses import and export.
    expect(() => new Script(worker)).not.toThrow();
    expect(worker).toContain('precache');
    // A replacement pattern in a revision ($&) is copied, not expanded.
    expect(worker).toContain(JSON.stringify(entries));
    expect(worker).not.toContain('__WB_MANIFEST');
    // Workbox's development logging ("Precaching 2 files…") is left out.
    expect(worker).not.toContain('Precaching');
  });

  test('refuses a worker without its slot, or with two', () => {
    expect(() => withManifest('precacheAndRoute([])', entries)).toThrow(/self\.__WB_MANIFEST once, not 0 times/);
    expect(() => withManifest('a(self.__WB_MANIFEST); b(self.__WB_MANIFEST)', entries)).toThrow(/not 2 times/);
  });
});
