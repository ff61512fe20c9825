import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, test } from 'vitest';
import {
  formatPaperCitations,
  formattedReference,
  loadBibliography,
  referenceNumbers,
  type CslItem,
  type PaperMetadata,
} from '../../src/lib/citations/bibliography';

const bibtex = readFileSync(new URL('../../content/references.bib', import.meta.url), 'utf8');
const paper = JSON.parse(readFileSync(new URL('../../content/paper.json', import.meta.url), 'utf8')) as PaperMetadata;
const bibliography = loadBibliography(bibtex);

const KEYS = [
  'vargo2004',
  'vargo2008',
  'hakanen2012',
  'akaka2014',
  'lang1947',
  'wirtz2016',
  'yang2018',
  'bashir2019',
  'yang2023',
  'guo2024',
  'sun2019',
  'ma2021',
  'xu2020',
  'wang2020',
  'kong2019',
  'shen2022',
  'li2020',
  'yu2024',
];
const ENGLISH = new Set(['vargo2004', 'vargo2008', 'hakanen2012', 'akaka2014', 'lang1947', 'wirtz2016', 'bashir2019']);
const WITH_DOI = [...ENGLISH];

function csl(key: string): CslItem {
  const entry = bibliography.entries.find((candidate) => candidate.key === key);
  if (entry === undefined) throw new Error(`no entry ${key}`);
  return entry.csl;
}

describe('the references', () => {
  test('are the paper’s 18 references, numbered in the paper’s order', () => {
    expect(bibliography.entries.map((entry) => entry.key)).toEqual(KEYS);
    expect(bibliography.entries.map((entry) => entry.number)).toEqual(KEYS.map((_, index) => index + 1));
  });

  test('give each citation key its number in the paper, and no number to an unknown key', () => {
    expect(referenceNumbers(bibliography).get('vargo2004')).toBe(1);
    expect(referenceNumbers(bibliography).get('yang2018')).toBe(7);
    expect(referenceNumbers(bibliography).get('yu2024')).toBe(18);
    expect(referenceNumbers(bibliography).get('nobody2000')).toBeUndefined();
  });

  test('read Chinese names as family name and given name', () => {
    expect(csl('yang2018').author).toEqual([
      { family: '杨', given: '俊' },
      { family: '薛', given: '鸿博' },
      { family: '牛', given: '梦茜' },
    ]);
    expect(csl('li2020').author).toEqual([{ family: '李', given: '凤萍' }]);
  });

  test('mark the Chinese references as Chinese and give them the site’s English title', () => {
    for (const key of KEYS) {
      const item = csl(key);
      if (ENGLISH.has(key)) {
        expect(item.language, key).toBeUndefined();
        expect(item.custom?.translatedTitle, key).toBeUndefined();
      } else {
        expect(item.language, key).toBe('zh-CN');
        expect(item.custom?.translatedTitle, key).toMatch(/^[A-Z][\x20-\x7e“”’]+$/);
      }
    }
  });

  test('hold only what the paper’s list gives', () => {
    expect(KEYS.filter((key) => csl(key).DOI !== undefined)).toEqual(WITH_DOI);
    expect(csl('vargo2004')).toMatchObject({ volume: '68', page: '1-17', DOI: '10.1509/jmkg.68.1.1.24036' });
    expect(csl('vargo2004').issue).toBeUndefined();
    expect(csl('yang2023')).toMatchObject({ issued: { 'date-parts': [[2023]] }, issue: '5' });
    expect(csl('yang2023').volume).toBeUndefined();
    const guo = csl('guo2024');
    expect(guo).toMatchObject({
      'container-title': '系统工程',
      page: '1-16',
      URL: 'http://kns.cnki.net/kcms/detail/43.1115.N.20240111.1017.002.html',
      accessed: { 'date-parts': [[2024, 6, 4]] },
    });
    expect([guo.issued, guo.volume, guo.issue]).toEqual([undefined, undefined, undefined]);
    expect(csl('hakanen2012').title).toBe('Co-Creating Customer-Focused Solutions within Business Networks: A Service Perspective');
  });

  test('keep the three authors of [6] and its “et al.”', () => {
    expect(csl('wirtz2016').author?.map((name) => name.family)).toEqual(['Wirtz', 'Pistoia', 'Ullrich']);
    expect(csl('wirtz2016').custom?.etAl).toBe(true);
  });

  test('reject a citation key used twice', () => {
    const again = bibtex.slice(bibtex.indexOf('@article{vargo2004'), bibtex.indexOf('@article{vargo2008'));
    expect(() => loadBibliography(bibtex + '\n' + again)).toThrow(/vargo2004/);
  });
});

/** A reference as formatted, without the spans that mark the other language's text (tested on their own below). */
const unmarked = (key: string, lang: 'zh' | 'en') =>
  formattedReference(bibliography, key, lang).replace(/<span lang="(?:en|zh-CN)">([^<]*)<\/span>/g, '$1');

describe('each list marks the other language’s names and titles', () => {
  test('English names and titles in the Chinese list, Chinese ones in the English list', () => {
    expect(formattedReference(bibliography, 'vargo2004', 'zh')).toMatch(
      /^<span lang="en">VARGO S L, LUSCH R F\. Evolving to a New Dominant Logic<\/span>\[J\/OL\]\. <span lang="en">Journal of Marketing<\/span>, 2004/,
    );
    expect(formattedReference(bibliography, 'yang2018', 'en')).toMatch(
      /^<span lang="zh-CN">杨俊<\/span>, .*<span lang="zh-CN">基于双重属性的商业模式构念化与研究框架建议<\/span> \[Conceptualizing business models/,
    );
    expect(formattedReference(bibliography, 'yang2018', 'zh')).not.toContain('<span lang=');
  });
});

describe('the Chinese list (GB/T 7714-2015)', () => {
  test('formats a Chinese reference as the paper does, family names first, without its [N] label', () => {
    expect(unmarked('yang2018', 'zh')).toBe(
      '杨俊, 薛鸿博, 牛梦茜. 基于双重属性的商业模式构念化与研究框架建议[J]. 外国经济与管理, 2018, 40(4): 96-109.',
    );
    expect(unmarked('yang2023', 'zh')).toBe(
      '杨诗芸, 杜碧升. 技术创新与商业模式创新共演下制造业转型升级——基于价值共创的单案例研究[J]. 生产力研究, 2023(5): 94-98.',
    );
  });

  test('formats an English reference with upper-case family names and a DOI link', () => {
    expect(unmarked('vargo2004', 'zh')).toBe(
      'VARGO S L, LUSCH R F. Evolving to a New Dominant Logic[J/OL]. Journal of Marketing, 2004, 68: 1-17. ' +
        'DOI:<a href="https://doi.org/10.1509/jmkg.68.1.1.24036">10.1509/jmkg.68.1.1.24036</a>.',
    );
  });

  test('ends the first three authors of an English reference with “et al.”, not “等”', () => {
    const wirtz = unmarked('wirtz2016', 'zh');
    expect(wirtz).toMatch(
      /^WIRTZ B W, PISTOIA A, ULLRICH S, et al\. Business Models: Origin, Development and Future Research Perspectives\[J\/OL\]\./,
    );
    expect(wirtz).not.toContain('等');
  });

  test('links the URL of the online-first reference and gives its access date', () => {
    const guo = unmarked('guo2024', 'zh');
    expect(guo).toContain('[2024-06-04]');
    expect(guo).toContain(
      '<a href="http://kns.cnki.net/kcms/detail/43.1115.N.20240111.1017.002.html">http://kns.cnki.net/kcms/detail/43.1115.N.20240111.1017.002.html</a>',
    );
  });

  test('never shows an English title for a Chinese reference', () => {
    for (const key of KEYS.filter((candidate) => !ENGLISH.has(candidate))) {
      expect(unmarked(key, 'zh'), key).not.toMatch(/\[[A-Z][a-z]/);
    }
  });
});

describe('the English list (APA 7th edition)', () => {
  test('formats an English reference with a DOI link', () => {
    expect(unmarked('vargo2004', 'en')).toBe(
      'Vargo, S. L., &#38; Lusch, R. F. (2004). Evolving to a New Dominant Logic. <i>Journal of Marketing</i>, <i>68</i>, 1–17. ' +
        '<a href="https://doi.org/10.1509/jmkg.68.1.1.24036">https://doi.org/10.1509/jmkg.68.1.1.24036</a>',
    );
  });

  test('gives a Chinese title followed by its English translation in square brackets', () => {
    expect(unmarked('yang2018', 'en')).toBe(
      '杨俊, 薛鸿博, &#38; 牛梦茜. (2018). 基于双重属性的商业模式构念化与研究框架建议 ' +
        '[Conceptualizing business models based on dual attributes, and suggestions for a research framework]. ' +
        '外国经济与管理, <i>40</i>(4), 96–109.',
    );
  });

  test('ends the authors of [6] with “et al.” and no ampersand', () => {
    expect(unmarked('wirtz2016', 'en')).toMatch(/^Wirtz, B\. W\., Pistoia, A\., Ullrich, S\., et al\. \(2016\)\. /);
  });

  test('keeps the case of a journal name', () => {
    expect(unmarked('akaka2014', 'en')).toContain('<i>Information Systems and e-Business Management</i>');
  });

  test('refuses an unknown key', () => {
    expect(() => formattedReference(bibliography, 'nobody2000', 'en')).toThrow(/nobody2000/);
  });
});

describe('the exports', () => {
  test('BibTeX keeps the Chinese text and parses back into the same 18 references', () => {
    const exported = bibliography.bibtex;
    expect(exported).toContain('author = {杨, 俊 and 薛, 鸿博 and 牛, 梦茜}');
    expect(exported).toContain('author = {Wirtz, B. W. and Pistoia, A. and Ullrich, S. and others}');
    expect(exported).toContain('translatedtitle = {');
    expect(exported).toMatch(/% .*site’s translation, not the paper’s/);

    const original = new Cite(bibtex).data;
    const reparsed = new Cite(exported).data;
    expect(reparsed.map((item) => item['id'])).toEqual(KEYS);
    expect(reparsed.map((item) => item['title'])).toEqual(original.map((item) => item['title']));
    expect(reparsed[6]?.['title']).toBe('基于双重属性的商业模式构念化与研究框架建议');

    const again = loadBibliography(exported);
    for (const key of KEYS) {
      expect(formattedReference(again, key, 'zh'), key).toBe(formattedReference(bibliography, key, 'zh'));
      expect(formattedReference(again, key, 'en'), key).toBe(formattedReference(bibliography, key, 'en'));
    }
  });

  test('CSL-JSON is an array of the 18 items in order', () => {
    const items = JSON.parse(bibliography.cslJson) as CslItem[];
    expect(items).toHaveLength(18);
    expect(items.map((item) => item.id)).toEqual(KEYS);
    expect(items[6]).toMatchObject({ title: '基于双重属性的商业模式构念化与研究框架建议', language: 'zh-CN', issue: '4' });
    expect(items.some((item) => '_graph' in item)).toBe(false);
  });
});

describe('the paper’s own citation', () => {
  test('names both authors in every format', () => {
    const citations = formatPaperCitations(paper);
    expect(citations.gbt).toBe('金成瑞, 吴偲琪. 基于价值共创理论下的商业模式创新——以小米公司为例[J]. 2024.');
    expect(citations.apa).toBe(
      'Jin, C., &#38; Wu, S. (2024). <i>基于价值共创理论下的商业模式创新——以小米公司为例 ' +
        '[Business Model Innovation Based on the Theory of Value Co-Creation—Taking Xiaomi Corporation as an Example]</i>. Hans Publishers Inc.',
    );
    expect(citations.bibtex).toContain('author = {金, 成瑞 and 吴, 偲琪}');
    expect(citations.ris).toMatch(/^AU {2}- 金, 成瑞$/m);
    expect(citations.ris).toMatch(/^AU {2}- 吴, 偲琪$/m);
    expect(citations.ris).toMatch(/^PB {2}- Hans Publishers Inc\.$/m);
    expect(citations.ris).toMatch(/^DA {2}- 2024\/05\/31\/$/m);
  });

  test('adds no journal, volume, issue, pages or DOI, which the paper does not have', () => {
    const citations = formatPaperCitations(paper);
    expect(citations.bibtex).not.toMatch(/^\s*(journal|journaltitle|volume|number|pages|doi)\s*=/im);
    expect(citations.ris).not.toMatch(/^(JO|JF|JA|T2|VL|IS|SP|EP|DO) {2}-/m);
    expect(citations.gbt).not.toMatch(/DOI|\d+\(\d+\)|: \d/);
    expect(citations.apa).not.toMatch(/doi\.org|<i>\d+<\/i>/);
    const parsed = new Cite(citations.bibtex).data[0];
    expect(parsed).toMatchObject({ id: 'jin2024', publisher: 'Hans Publishers Inc.', issued: { 'date-parts': [[2024, 5, 31]] } });
    for (const variable of ['container-title', 'volume', 'issue', 'page', 'DOI']) expect(parsed, variable).not.toHaveProperty(variable);
  });

  test('links the site’s page when given one', () => {
    const url = 'https://example.org/zh/';
    const citations = formatPaperCitations(paper, { url });
    expect(citations.gbt).toBe(
      `金成瑞, 吴偲琪. 基于价值共创理论下的商业模式创新——以小米公司为例[J/OL]. 2024. <a href="${url}">${url}</a>.`,
    );
    expect(citations.apa).toContain(`<a href="${url}">${url}</a>`);
    expect(citations.bibtex).toContain(`url = {${url}}`);
    expect(citations.ris).toMatch(/^UR {2}- https:\/\/example\.org\/zh\/$/m);
  });
});
