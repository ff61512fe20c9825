import { strFromU8, unzipSync } from 'fflate';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { describe, expect, test } from 'vitest';
import { bookContents, interleave, nestByDepth, type Book, type Chapter, type ContentsEntry } from '../../src/lib/downloads/book';
import { destinationPages } from '../../src/lib/downloads/pdf-destinations';
import { fixDoubledBookmarks, fixPdfDates } from '../../src/lib/downloads/pdf-fixes';
import { contentsNumberingProblems, contentsTargets, printDocument, runningHead, runningHeads } from '../../src/lib/downloads/print';
import { epub } from '../../src/lib/downloads/epub';
import { spaceOperatorsBetweenWords } from '../../src/lib/downloads/mathml';
import { describeDownload, downloadsTable, formatSize } from '../../src/lib/downloads/listing';

const ids = (blocks: Element[]) =>
  blocks.map((block) => `${String(block.properties.lang ?? '')}:${String(block.properties.id ?? block.tagName)}`);

describe('runningHead', () => {
  test('a long head ends after its last whole word in Latin text, anywhere in Chinese', () => {
    expect(runningHead('Value Co-Creation and Xiaomi · 3. Analysis of Xiaomi Corporation’s Business Model', 50)).toBe(
      'Value Co-Creation and Xiaomi · 3. Analysis of…',
    );
    expect(runningHead('价值共创与小米 · 3. 基于价值共创理论下的小米公司商业模式创新分析', 30)).toBe('价值共创与小米 · 3. 基于价值共…');
    expect(runningHead('Short enough', 50)).toBe('Short enough');
  });

  test('two heads share the line: the shorter whole, the longer in the rest; each cut to half when both are long', () => {
    const zh = '价值共创与小米 · 3.2.1. 价值共同主张';
    const en = 'Value Co-Creation and Xiaomi · 3.2.1. Value Co-Proposition';
    expect(runningHeads([zh, en])).toEqual([zh, en]);
    expect(runningHeads([zh, en], 80)).toEqual([zh, 'Value Co-Creation and Xiaomi · 3.2.1.…']);
    expect(
      runningHeads([
        '价值共创与小米 · 3. 基于价值共创理论下的小米公司商业模式创新分析',
        'Value Co-Creation and Xiaomi · 3. Analysis of Xiaomi Corporation’s Business Model',
      ]),
    ).toEqual(['价值共创与小米 · 3. 基于价值共创理论下的小米公司…', 'Value Co-Creation and Xiaomi · 3. Analysis of…']);
    expect(runningHeads(['Only one'], 100)).toEqual(['Only one']);
  });
});

describe('the books’ MathML', () => {
  test('an operator between words has words as operands; other rows stay as KaTeX wrote them', () => {
    const math = fromHtml(
      '<math><semantics><mrow><mtext>Gross margin</mtext><mo>=</mo><mfrac><mrow><mtext>Revenue</mtext><mo>−</mo><mtext>Cost</mtext></mrow><mtext>Revenue</mtext></mfrac><mo>×</mo><mn>100</mn></mrow></semantics></math>',
      { fragment: true },
    ).children[0] as Element;
    spaceOperatorsBetweenWords(math);
    expect(toHtml(math)).toBe(
      '<math><semantics><mrow><mtext>Gross margin</mtext><mo>=</mo><mfrac><mrow><mi mathvariant="normal">Revenue</mi><mo>−</mo><mi mathvariant="normal">Cost</mi></mrow><mtext>Revenue</mtext></mfrac><mo>×</mo><mn>100</mn></mrow></semantics></math>',
    );
  });
});

describe('the bilingual book', () => {
  test('each heading or paragraph of the original is followed by its translation, then the notes after them in each language', () => {
    const zh = [h('h1#s1', { lang: 'zh' }), h('p#s1-p1', { lang: 'zh' }), h('div', { lang: 'zh' }), h('p#s1-p2', { lang: 'zh' })];
    const en = [
      h('h1#s1', { lang: 'en' }),
      h('p#s1-p1', { lang: 'en' }),
      h('div', { lang: 'en' }),
      h('p#s1-p2', { lang: 'en' }),
      h('div', { lang: 'en' }),
    ];
    expect(ids(interleave(zh, en))).toEqual([
      'zh:s1',
      'en:s1',
      'zh:s1-p1',
      'en:s1-p1',
      'zh:div',
      'en:div',
      'zh:s1-p2',
      'en:s1-p2',
      'en:div',
    ]);
  });

  test('each note, figure or table is followed by its translation', () => {
    const zh = [h('p#s1-p1', { lang: 'zh' }), h('aside#note', { lang: 'zh' }), h('section#timeline', { lang: 'zh' })];
    const en = [h('p#s1-p1', { lang: 'en' }), h('aside#note', { lang: 'en' }), h('section#timeline', { lang: 'en' })];
    expect(ids(interleave(zh, en))).toEqual(['zh:s1-p1', 'en:s1-p1', 'zh:note', 'en:note', 'zh:timeline', 'en:timeline']);
  });

  test('what only the translation has is kept, after the rest', () => {
    expect(ids(interleave([h('p#a', { lang: 'zh' })], [h('p#a', { lang: 'en' }), h('p#b', { lang: 'en' })]))).toEqual([
      'zh:a',
      'en:a',
      'en:b',
    ]);
  });
});

const book: Book = {
  edition: 'en',
  languages: ['en'],
  title: 'A title',
  chapters: [
    {
      id: 'one',
      title: 'One',
      titles: ['One'],
      lang: 'en',
      body: [h('h1#s1', 'One'), h('p', ['a ', h('math', { xmlns: 'http://www.w3.org/1998/Math/MathML' }, h('mi', 'x'))])],
      subheadings: [],
    },
  ],
};

describe('the EPUB file', () => {
  const date = new Date('2024-05-31T00:00:00Z');
  test('is the same bytes every time, with the mimetype first and stored', () => {
    const first = epub(book, 'https://example.org/book', date);
    expect(epub(structuredClone(book), 'https://example.org/book', date)).toEqual(first);
    expect(strFromU8(first.subarray(30, 38))).toBe('mimetype');
    expect(first[8]).toBe(0); // compression method of the first entry: stored
    expect(strFromU8(first.subarray(38, 58))).toBe('application/epub+zip');
  });

  test('declares its language, its MathML and its chapters in order, as XHTML', () => {
    const files = unzipSync(epub(book, 'https://example.org/book', date));
    expect(Object.keys(files)).toEqual([
      'mimetype',
      'META-INF/container.xml',
      'EPUB/package.opf',
      'EPUB/nav.xhtml',
      'EPUB/style.css',
      'EPUB/one.xhtml',
    ]);
    const opf = strFromU8(files['EPUB/package.opf'] ?? new Uint8Array());
    expect(opf).toContain('<dc:language>en</dc:language>');
    expect(opf).toContain('<meta property="dcterms:modified">2024-05-31T00:00:00Z</meta>');
    expect(opf).toContain('href="one.xhtml" media-type="application/xhtml+xml" properties="mathml"');
    const chapter = strFromU8(files['EPUB/one.xhtml'] ?? new Uint8Array());
    expect(chapter).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE html><html xmlns="http:\/\/www.w3.org\/1999\/xhtml" lang="en" xml:lang="en">/,
    );
    expect(chapter).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>');
  });
});

describe('the downloads list', () => {
  test('sizes read as file managers show them', () => {
    expect([formatSize(120), formatSize(38_780), formatSize(2_341_572)]).toEqual(['1 KB', '39 KB', '2.3 MB']);
  });

  test('names of the contract’s form are described in the reader’s language; others are shown as they are', () => {
    expect(describeDownload('paper.zh-en.pdf', 'zh')).toEqual({ title: '论文全文', language: '中英对照（逐段）', format: 'PDF（A4）' });
    expect(describeDownload('course.en.imscc', 'en')).toEqual({
      title: 'Course cartridge',
      language: 'English',
      format: 'IMS Common Cartridge',
      hreflang: 'en',
    });
    expect(describeDownload('notes.txt', 'en')).toMatchObject({ title: 'notes.txt', language: '' });
  });

  test('the table links every file, papers before course cartridges, EPUB before PDF, zh, en, then both', () => {
    const names = ['paper.zh-en.pdf', 'course.en.imscc', 'paper.en.epub', 'paper.zh.pdf', 'paper.zh.epub'];
    const html = downloadsTable(
      names.map((name) => ({ name, bytes: 1000 })),
      'en',
      (name) => `/base/downloads/${name}`,
    );
    expect([...html.matchAll(/href="\/base\/downloads\/([^"]+)"/g)].map((match) => match[1])).toEqual([
      'paper.zh.epub',
      'paper.en.epub',
      'paper.zh.pdf',
      'paper.zh-en.pdf',
      'course.en.imscc',
    ]);
    expect(downloadsTable([], 'zh', String)).toContain('未生成');
  });

  test('each link is named by its file’s language and format too, so a list of the links tells them apart', () => {
    const files = ['paper.zh.epub', 'paper.en.epub', 'paper.zh-en.pdf', 'course.en.imscc'].map((name) => ({ name, bytes: 1000 }));
    const names = (lang: 'zh' | 'en') =>
      [...downloadsTable(files, lang, String).matchAll(/<a [^>]*>(.*?)<\/a>/g)].map((match) => (match[1] ?? '').replace(/<[^>]+>/g, ''));
    expect(names('en')).toEqual([
      'The paper: Chinese; EPUB 3 e-book',
      'The paper: English; EPUB 3 e-book',
      'The paper: Chinese and English, paragraph by paragraph; PDF (A4)',
      'Course cartridge: English; IMS Common Cartridge',
    ]);
    expect(names('zh')[2]).toBe('论文全文：中英对照（逐段），PDF（A4）');
  });

  test('the table names each language in the reader’s language', () => {
    const files = ['paper.zh.epub', 'paper.en.epub'].map((name) => ({ name, bytes: 1000 }));
    const cells = (lang: 'zh' | 'en') =>
      [...downloadsTable(files, lang, String).matchAll(/<td>([^<]*)<\/td>/g)]
        .map((match) => match[1])
        .filter((text) => /中文|英文|Chinese|English/.test(text ?? ''));
    expect(cells('en')).toEqual(['Chinese', 'English']);
    expect(cells('zh')).toEqual(['中文', '英文']);
  });
});

describe('the bilingual contents', () => {
  const bilingual: Book = {
    edition: 'zh-en',
    languages: ['zh-CN', 'en'],
    title: '题目 · A title',
    chapters: [
      { id: 'title', title: '题名页', titles: ['题名页'], lang: 'zh-CN', body: [], subheadings: [] },
      {
        id: 'one',
        title: '小米的 · Xiaomi’s',
        titles: ['小米的', 'Xiaomi’s'],
        lang: 'zh-CN',
        body: [h('h1#s1', '小米的'), h('h2#s1-1', '1.1. 小节'), h('h2#s1-1-en', { lang: 'en' }, '1.1. Xiaomi’s part')],
        subheadings: [{ id: 's1-1', title: '1.1. 小节 · 1.1. Xiaomi’s part', titles: ['1.1. 小节', '1.1. Xiaomi’s part'], number: '1.1' }],
      },
    ],
  };
  const english = '<span lang="en">Xiaomi’s</span>';

  test('mark each language of a chapter’s or section’s title, so that the English is not set in the Chinese font', () => {
    expect(printDocument(bilingual)).toContain(
      `<a href="#chapter-one"><span class="toc-title"><span lang="zh-CN">小米的</span> · ${english}</span><span class="toc-page"></span></a>`,
    );
    const nav = strFromU8(
      unzipSync(epub(bilingual, 'https://example.org/book', new Date('2024-05-31T00:00:00Z')))['EPUB/nav.xhtml'] ?? new Uint8Array(),
    );
    expect(nav).toContain(`<a href="one.xhtml"><span lang="zh-CN">小米的</span> · ${english}</a>`);
    expect(nav).toContain(`<a href="one.xhtml#s1-1"><span lang="zh-CN">1.1. 小节</span> · <span lang="en">1.1. Xiaomi’s part</span></a>`);
    // In the PDF's outline the translation's heading sits under the original's.
    expect(printDocument(bilingual)).toContain('<h2 id="s1-1">1.1. 小节</h2><h2 id="s1-1-en" lang="en" aria-level="3">');
  });
});

describe('the printed contents page', () => {
  const sections: Book = {
    ...book,
    chapters: [
      { ...book.chapters[0]!, id: 'title' },
      { ...book.chapters[0]!, id: 'two', subheadings: [{ id: 's2-1', title: '2.1. Half', titles: ['2.1. Half'] }] },
      { ...book.chapters[0]!, id: 'three' },
    ],
  };

  test('links every chapter after the title page and every subsection, in order', () => {
    expect(contentsTargets(sections)).toEqual(['chapter-two', 's2-1', 'chapter-three']);
  });

  test('gives each entry the page it was printed on, and leaves the same column empty before that is known', () => {
    const numbers = (html: string) => [...html.matchAll(/<span class="toc-page">([^<]*)<\/span>/g)].map((match) => match[1]);
    expect(numbers(printDocument(sections))).toEqual(['', '', '']);
    const pages = new Map([
      ['chapter-two', 3],
      ['s2-1', 4],
      ['chapter-three', 7],
    ]);
    expect(numbers(printDocument(sections, pages))).toEqual(['3', '4', '7']);
  });

  test('is refused when the first print placed a target nowhere, or writing the numbers moved one', () => {
    const targets = ['chapter-two', 's2-1', 'chapter-three'];
    const draft = new Map([
      ['chapter-two', 3],
      ['s2-1', 4],
      ['chapter-three', 7],
    ]);
    expect(contentsNumberingProblems(targets, draft, new Map(draft))).toEqual([]);
    const [unplaced] = contentsNumberingProblems(targets, new Map([...draft].slice(1)), draft);
    expect(unplaced).toMatch(/no link target for the contents entries #chapter-two$/);
    const [moved] = contentsNumberingProblems(targets, draft, new Map([...draft, ['s2-1', 5]]));
    expect(moved).toMatch(/moved #s2-1 to other pages/);
  });
});

describe('the pages of a PDF’s link targets', () => {
  /** A PDF as Chromium writes one: numbered objects where its cross-reference table says. */
  function pdf(objects: string[]): Uint8Array {
    let text = '%PDF-1.4\n';
    const offsets = objects.map((body, index) => {
      const offset = text.length;
      text += `${index + 1} 0 obj\n${body}\nendobj\n`;
      return offset;
    });
    const xref = text.length;
    const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
    text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<</Size ${objects.length + 1} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(text, 'latin1');
  }
  const pageTree = [
    '<</Type /Pages /Kids [3 0 R 4 0 R] /Count 3>>',
    '<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 9 0 R>>>>>>',
    // A subtree whose kids are listed out of their object numbers' order.
    '<</Type /Pages /Parent 2 0 R /Kids [6 0 R 5 0 R] /Count 2>>',
    '<</Type /Page /Parent 4 0 R>>',
    '<</Type /Page /Parent 4 0 R>>',
  ];

  test('numbers the pages in the page tree’s order and reads each destination, a Chinese id and the dictionary form included', () => {
    const dests = [
      '<</chapter-one [6 0 R /XYZ 0 828 0]',
      '/s2-1 <</D [5 0 R /XYZ 0 500 0]>>',
      // Chromium names a destination by the link's fragment: "#在" percent-encoded, its "%" as #25.
      '/#25E5#259C#25A8 [3 0 R /XYZ 0 700 0]',
      '/nowhere [99 0 R /XYZ 0 1 0]>>',
    ].join('\n');
    const pages = destinationPages(pdf(['<</Type /Catalog /Pages 2 0 R /Dests 7 0 R>>', ...pageTree, dests]));
    expect(Object.fromEntries(pages)).toEqual({ 'chapter-one': 2, 's2-1': 3, 在: 1 });
  });

  test('finds nothing in a PDF without named destinations, and says so when it has no cross-reference table', () => {
    expect(destinationPages(pdf(['<</Type /Catalog /Pages 2 0 R>>', ...pageTree])).size).toBe(0);
    expect(() => destinationPages(Buffer.from('%PDF-1.5\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF'))).toThrow(/cross-reference table/);
  });
});

describe('the contents of a book', () => {
  const chapter = (id: string, number: string | undefined, subheadings: Chapter['subheadings'] = []): Chapter => ({
    id,
    title: id,
    titles: [id],
    lang: 'en',
    body: [h('h1', id), ...subheadings.map((sub) => h(`h2#${sub.id}`, sub.title))],
    subheadings,
    ...(number ? { number } : {}),
  });
  // The site's pages as the paper's sections fall on them: 3 and 3.1 share a page; 3.2 and each 3.2.x have their own.
  const sections: Book = {
    ...book,
    chapters: [
      chapter('title', undefined),
      chapter('case-overview', '3', [{ id: 's3-1', title: '3.1.', titles: ['3.1.'], number: '3.1' }]),
      chapter('mechanisms', '3.2'),
      chapter('mechanisms-value-proposition', '3.2.1'),
      chapter('performance', '3.3', [{ id: 's3-3-1', title: '3.3.1.', titles: ['3.3.1.'], number: '3.3.1' }]),
      chapter('conclusions', '4'),
      chapter('about', undefined, [{ id: 'paper', title: 'The paper', titles: ['The paper'] }]),
    ],
  };
  const outline = (entries: ContentsEntry[]): unknown[] =>
    entries.map((entry) => {
      const name = entry.fragment ?? entry.chapter;
      return entry.children.length ? { [name]: outline(entry.children) } : name;
    });

  test('nest as the paper numbers its sections, whatever page each is on', () => {
    expect(outline(bookContents(sections))).toEqual([
      'title',
      { 'case-overview': ['s3-1', { mechanisms: ['mechanisms-value-proposition'] }, { performance: ['s3-3-1'] }] },
      'conclusions',
      { about: ['paper'] },
    ]);
  });

  test('put each item under the nearest one before it that is less deep', () => {
    const nested = nestByDepth([1, 2, 3, 2, 1, 3].map((depth, item) => ({ depth, item })));
    expect(nested).toEqual([
      {
        item: 0,
        children: [
          { item: 1, children: [{ item: 2, children: [] }] },
          { item: 3, children: [] },
        ],
      },
      { item: 4, children: [{ item: 5, children: [] }] },
    ]);
  });

  test('nest the EPUB’s navigation and the printed contents alike, and give each printed chapter’s headings its level in the outline', () => {
    const nav = strFromU8(
      unzipSync(epub(sections, 'https://example.org/book', new Date('2024-05-31T00:00:00Z')))['EPUB/nav.xhtml'] ?? new Uint8Array(),
    );
    expect(nav).toMatch(/<a href="mechanisms\.xhtml">mechanisms<\/a><ol><li><a href="mechanisms-value-proposition\.xhtml">/);
    expect(nav).toMatch(/<a href="case-overview\.xhtml#s3-1">3\.1\.<\/a><\/li><li><a href="mechanisms\.xhtml">/);
    const printed = printDocument(sections);
    expect(printed).toMatch(/<a href="#chapter-mechanisms">.*?<\/a><ol><li><a href="#chapter-mechanisms-value-proposition">/);
    expect(contentsTargets(sections)).toEqual([
      'chapter-case-overview',
      's3-1',
      'chapter-mechanisms',
      'chapter-mechanisms-value-proposition',
      'chapter-performance',
      's3-3-1',
      'chapter-conclusions',
      'chapter-about',
      'paper',
    ]);
    // Chromium's PDF outline follows aria-level: the page of 3.2 is a chapter, but its title sits at level 2.
    expect(printed).toContain('<section class="chapter" id="chapter-mechanisms"><h1 aria-level="2">');
    expect(printed).toContain('<section class="chapter" id="chapter-mechanisms-value-proposition"><h1 aria-level="3">');
    expect(printed).toContain('<section class="chapter" id="chapter-performance"><h1 aria-level="2">performance');
    expect(printed).toContain('<h2 id="s3-3-1" aria-level="3">');
    expect(printed).toContain('<section class="chapter" id="chapter-case-overview"><h1>');
  });
});

describe('the corrections to Chromium’s PDFs', () => {
  const utf16 = (text: string) => `FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}`;
  const pdf = (...titles: string[]) =>
    Buffer.from(
      `%PDF-1.7\n${titles.map((title, index) => `${index + 3} 0 obj\n<</Title <${title}>\n/Parent 2 0 R>>\nendobj\n`).join('')}` +
        `9 0 obj\n<</CreationDate (D:20261128063410+00'00')\n/ModDate (D:20261128063410+00'00')>>\nendobj\n`,
      'latin1',
    );

  test('a bookmark named twice over keeps one name, and every byte after it stays where it was', () => {
    const doubled = pdf(
      utf16('3.1. 小米公司概况3.1. 小米公司概况'),
      utf16('Go Go'),
      utf16('3.2. Value'),
      // A heading of several inline boxes: each box's text twice over in turn.
      utf16('3.3. 用户3.3. 用户效应效应提升，提升，'),
      utf16('3.3. 3.3'),
    );
    const fixed = fixDoubledBookmarks(doubled);
    expect(fixed.length).toBe(doubled.length);
    const titles = [...fixed.toString('latin1').matchAll(/\/Title <([^>]*)>/g)].map((match) =>
      Buffer.from((match[1] ?? '').replace(/\s/g, '').slice(4), 'hex')
        .swap16()
        .toString('utf16le'),
    );
    expect(titles).toEqual(['3.1. 小米公司概况', 'Go Go', '3.2. Value', '3.3. 用户效应提升，', '3.3. 3.3']);
    expect(fixed.toString('latin1').indexOf('9 0 obj')).toBe(doubled.toString('latin1').indexOf('9 0 obj'));
  });

  test('the print dates become the content’s date, at the same length', () => {
    const before = pdf(utf16('1. One'));
    const fixed = fixPdfDates(before, new Date('2024-05-31T00:00:00Z')).toString('latin1');
    expect(fixed.length).toBe(before.length);
    expect(fixed).toContain(`/CreationDate (D:20240531000000+00'00')\n/ModDate (D:20240531000000+00'00')`);
  });
});
