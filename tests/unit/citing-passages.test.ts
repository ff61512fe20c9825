import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, test } from 'vitest';
import { formatPaperCitations, formatTranslationCitations, type PaperMetadata } from '../../src/lib/citations/bibliography';
import { atAccessDate, citedQuote, pinpoint, type QuoteCitation } from '../../src/lib/citations/pinpoint';

// The paper's authors and year come from content/paper.json, which the source text confirms
// ("Chengrui Jin, Siqi Wu", "published: May 31st, 2024"); the expected strings below were written by hand.
const paper = JSON.parse(readFileSync(new URL('../../content/paper.json', import.meta.url), 'utf8')) as PaperMetadata;
const translation = { translator: 'Value Co-Creation and Xiaomi', date: '2026-11-27' };
const url = 'https://reading.example.org/en/mechanisms/value-proposition/';

describe('pinpoint citations of a quoted passage', () => {
  test('APA 7 names the section and the paragraph after the author and year of the original', () => {
    const original = formatPaperCitations(paper);
    expect(original.apaInText).toBe('(Jin & Wu, 2024)');
    const citation: QuoteCitation = { style: 'apa', inText: original.apaInText, reference: '' };
    expect(pinpoint(citation, 's3-2-1-p2')).toBe('(Jin & Wu, 2024, Section 3.2.1, para. 2)');
    expect(pinpoint(citation, 's4-p1')).toBe('(Jin & Wu, 2024, Section 4, para. 1)');
  });

  test('a sentence id cites its paragraph', () => {
    const citation: QuoteCitation = { style: 'apa', inText: '(Jin & Wu, 2024)', reference: '' };
    expect(pinpoint(citation, 's3-1-p5-s3')).toBe('(Jin & Wu, 2024, Section 3.1, para. 5)');
  });

  test('GB/T 7714 keeps the reference number and adds the section and paragraph in Chinese', () => {
    const citation: QuoteCitation = { style: 'gbt', inText: '[1]', reference: '' };
    expect(pinpoint(citation, 's3-2-1-p2')).toBe('[1]（3.2.1 节第 2 段）');
    expect(pinpoint(citation, 's2-1-p1-s2')).toBe('[1]（2.1 节第 1 段）');
  });

  test('a heading id or any other id is not a place to cite', () => {
    const citation: QuoteCitation = { style: 'gbt', inText: '[1]', reference: '' };
    expect(() => pinpoint(citation, 's3-2-1')).toThrow(/Not a paragraph/);
    expect(() => pinpoint(citation, 'fig-1')).toThrow(/Not a paragraph/);
  });

  test('the date of access goes after the date and before the address, given as text or as a link', () => {
    expect(atAccessDate('题名[J/OL]. 2024. https://example.org/zh/.', '[2026-11-28]')).toBe(
      '题名[J/OL]. 2024[2026-11-28]. https://example.org/zh/.',
    );
    expect(atAccessDate('题名[J/OL]. 2024. <a href="https://example.org/zh/">https://example.org/zh/</a>.', '<span></span>')).toBe(
      '题名[J/OL]. 2024<span></span>. <a href="https://example.org/zh/">https://example.org/zh/</a>.',
    );
    // A reference to the printed paper has no address and no date of access.
    expect(atAccessDate('题名[J]. 2024.', '[2026-11-28]')).toBe('题名[J]. 2024.');
  });

  test('the quote puts the citation after the quoted words and the reference after a blank line', () => {
    const zh: QuoteCitation = {
      style: 'gbt',
      inText: '[1]',
      reference: '[1] 金成瑞, 吴偲琪. 基于价值共创理论下的商业模式创新——以小米公司为例[J/OL]. 2024. https://reading.example.org/zh/.',
    };
    expect(citedQuote(' 小米公司\n 以用户为中心 ', 's3-2-1-p2-s1', zh, '2026-11-28')).toBe(
      '“小米公司 以用户为中心”[1]（3.2.1 节第 2 段）\n\n[1] 金成瑞, 吴偲琪. 基于价值共创理论下的商业模式创新——以小米公司为例[J/OL]. 2024[2026-11-28]. https://reading.example.org/zh/.',
    );
    const en: QuoteCitation = { style: 'apa', inText: '(Jin & Wu, 2024/2026)', reference: 'Jin, C., & Wu, S. (2026). …' };
    expect(citedQuote('user-centered', 's3-2-1-p2', en, '2026-11-28')).toBe(
      '“user-centered” (Jin & Wu, 2024/2026, Section 3.2.1, para. 2)\n\nJin, C., & Wu, S. (2026). …',
    );
  });
});

describe('the English translation as a citable work', () => {
  const citations = formatTranslationCitations(paper, translation, url);

  test('APA 7 cites it as a translated work: translation year, translator, original year', () => {
    expect(citations.apa).toBe(
      'Jin, C., &#38; Wu, S. (2026). <i>Business Model Innovation Based on the Theory of Value Co-Creation—Taking Xiaomi Corporation as an Example</i> ' +
        `(Value Co-Creation and Xiaomi, Trans.). Value Co-Creation and Xiaomi. <a href="${url}">${url}</a> (Original work published 2024)`,
    );
    expect(citations.apaInText).toBe('(Jin & Wu, 2024/2026)');
    expect(pinpoint({ style: 'apa', inText: citations.apaInText, reference: '' }, 's3-2-1-p2')).toBe(
      '(Jin & Wu, 2024/2026, Section 3.2.1, para. 2)',
    );
  });

  test('CSL-JSON carries the translator and the original’s date and title, and no journal, volume, pages or DOI', () => {
    expect(citations.csl).toMatchObject({
      type: 'article',
      translator: [{ literal: 'Value Co-Creation and Xiaomi' }],
      'original-date': { 'date-parts': [[2024, 5, 31]] },
      'original-title': '基于价值共创理论下的商业模式创新——以小米公司为例',
      issued: { 'date-parts': [[2026, 11, 27]] },
      URL: url,
      // Zotero's Extra field: its way to the original's date for an item that is not a book.
      note: 'Original Date: 2024-05-31',
    });
    for (const variable of ['container-title', 'volume', 'issue', 'page', 'DOI'])
      expect(citations.csl, variable).not.toHaveProperty(variable);
  });

  test('BibTeX and RIS read back with the translator and the original', () => {
    const bib = new Cite(citations.bibtex).data[0] as Record<string, unknown>;
    expect(bib).toMatchObject({
      title: paper.title.en,
      // A braced name is BibTeX's corporate name: read as one family name, never split.
      translator: [{ family: 'Value Co-Creation and Xiaomi' }],
      // @online's styles print the site's name from organization (citation-js reads it as the publisher).
      publisher: 'Value Co-Creation and Xiaomi',
      'original-date': { 'date-parts': [[2024, 5, 31]] },
      issued: { 'date-parts': [[2026, 11, 27]] },
    });
    // Neither the original's title (biblatex-apa would cite the original) nor its language (no English word in biblatex).
    expect(citations.bibtex).not.toMatch(/^\s*(origtitle|origlanguage)\s*=/im);
    expect(citations.bibtex).not.toMatch(/^\s*(journal|journaltitle|volume|number|pages|doi)\s*=/im);
    // A work on the web, not a journal article with its journal missing.
    expect(citations.bibtex).toMatch(/^@online\{jin2024en,/);
    expect(citations.ris).toMatch(/^TY {2}- ELEC$/m);
    const ris = new Cite(citations.ris).data[0] as Record<string, unknown>;
    expect(ris).toMatchObject({
      title: paper.title.en,
      author: [
        { family: 'Jin', given: 'Chengrui' },
        { family: 'Wu', given: 'Siqi' },
      ],
    });
    expect(citations.ris).toMatch(/^A4 {2}- Value Co-Creation and Xiaomi$/m);
    expect(citations.ris).toMatch(/^DA {2}- 2026\/11\/27\/$/m);
    expect(citations.ris).toMatch(/^N1 {2}- Translation of: 金成瑞, 吴偲琪\. 基于价值共创理论下的商业模式创新——以小米公司为例\. 2024\.$/m);
  });
});
