/** What the books and the printed pages share: readable text, notes set apart, figures and tables that fit. */
const SHARED_CSS = `
body { line-height: 1.6; }
:lang(zh-CN) { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
/* Chinese that English text quotes without marking it (the references' titles) in the serif face too. */
:lang(en) { font-family: "Liberation Serif", "DejaVu Serif", "Noto Serif CJK SC", serif; }
/* Chinese paragraphs open with a two-character indent, as on the site and in the paper. */
p.para:lang(zh), .abstract:lang(zh) { text-indent: 2em; }
/* Chinese headings break between words, at their <wbr> (rehype-heading-phrases). */
h1:has(wbr), h2:has(wbr), h3:has(wbr), h4:has(wbr) { word-break: keep-all; }
h1, h2, h3 { line-height: 1.3; }
.secno { margin-inline-end: 0.4em; }
.note { border-inline-start: 3px solid #888; padding: 0.2em 0.8em; margin: 1em 0; font-size: 0.92em; }
.note-label { display: block; font-weight: bold; font-size: 0.9em; }
figure { margin: 1.5em 0; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 0.92em; }
.figure-credit { display: block; font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; text-align: start; vertical-align: top; }
.katex-display { display: block; margin: 1em 0; text-align: center; }
math[display="block"] { display: block math; max-width: 100%; overflow-x: auto; }
.analysis-figure svg { max-width: 26em; margin: 0 auto; font-size: 14px; }
.analysis-figure text { fill: #111; }
.analysis-figure text { text-anchor: middle; }
.analysis-figure .heading { font-weight: bold; }
.analysis-figure .secno-label { fill: #555; font-size: 11px; text-anchor: end; }
.analysis-figure .frame { fill: none; stroke: #999; stroke-width: 2; stroke-dasharray: 6 4; }
.analysis-figure .stage rect { fill: #f2f2f2; stroke: #555; }
.analysis-figure .mechanism rect { fill: #fdf6e3; stroke: #b58900; }
.analysis-figure .actor { fill: #fff; stroke: #1a5fb4; stroke-width: 2; }
.analysis-figure .network { fill: none; stroke: #1a5fb4; stroke-width: 1.5; }
.analysis-figure .arrow { stroke: #555; stroke-width: 2; fill: none; }
.analysis-figure .arrow-head { fill: #555; }
.chart .bars { list-style: none; padding: 0; margin: 0; max-width: 30em; font-size: 0.9em; }
.chart .bar-row { display: flex; align-items: center; gap: 0.4em; }
.chart .bar { flex: none; height: 1em; background: #1a5fb4; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.chart .bar.open { opacity: 0.7; margin-right: 1em; border-right: 2px dashed #1a5fb4; }
/* The site's lists of places, its timeline, references and glossary, without the site's stylesheet. */
.places, .related { font-size: 0.9em; margin: 0.2em 0 0; }
.places-label { color: #555; }
.places a, .related a, .timeline .place { margin-inline-end: 0.3em; }
.timeline ol, .references { list-style: none; padding: 0; }
.timeline li { margin: 0.5em 0; }
.timeline .when { display: block; font-weight: bold; }
.references li { display: flex; gap: 0.5em; margin: 0 0 0.6em; }
.ref-body { flex: 1; min-width: 0; }
.ref-text a { overflow-wrap: anywhere; }
.glossary dt { font-weight: bold; break-after: avoid; }
.glossary dfn { font-style: normal; }
.glossary .other-term, .glossary .pinyin { font-weight: normal; color: #555; }
.glossary .pinyin { font-style: italic; }
.glossary dd { margin: 0.2em 0 0.8em; }
.title-page + .title-page { break-before: page; }
.title-page dt { font-weight: bold; }
.title-page dd { margin: 0 0 0.5em 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

/** The EPUB's stylesheet: the reading system sets the page. */
export const BOOK_CSS = SHARED_CSS;

/** Running heads: Latin letters and punctuation from a Latin face (a CJK face sets ’ full width), Chinese from Noto. */
const HEAD_FONT = 'font: 8.5pt "Liberation Sans", "DejaVu Sans", "Noto Sans CJK SC", sans-serif; color: #555;';

/**
 * The printed page: A4, page numbers at the foot, and a running head with the short title and the
 * chapter, one named page per chapter (Chromium prints CSS margin boxes, not `string-set`). A
 * chapter's second head (the bilingual book's English one) stands at the right.
 */
export function printCss(chapters: { anchor: string; heads: string[] }[]): string {
  const quote = (text: string) => JSON.stringify(text);
  return `${SHARED_CSS}
@page { size: A4; margin: 22mm 20mm 20mm;
  @bottom-center { content: counter(page); font: 9pt "Liberation Serif", serif; } }
body { font-size: 10.5pt; margin: 0; }
a { color: inherit; }
p { orphans: 2; widows: 2; }
h1, h2, h3 { break-after: avoid; }
/* Chromium names the PDF's bookmarks after the headings as laid out, dropping a space where a line
   wraps ("ItsBusiness Model"): a space kept at the end of the line stays in the bookmark. Lines of
   even length, so that no heading leaves one character alone on its last line. */
h1, h2, h3, h4 { white-space: pre-wrap; text-wrap-style: balance; }
/* A page has room for every formula; a scrolling box would clip a fraction's top in print. */
math[display="block"] { overflow: visible; }
figure, table, .note { break-inside: avoid; }
/* A place in the paper ("3.2.3 节第 3 段") on one line: the table's other columns wrap instead. */
.key-figures td:last-child { white-space: nowrap; }
.chapter { break-before: page; }
.toc ol { list-style: none; padding-inline-start: 1.2em; }
.toc > ol { padding: 0; }
.toc li { margin: 0.25em 0; }
/* Dot leaders from the end of an entry's last line to its page number, which stands on that
   line's baseline in a column of its own. The leader is a dotted rule, not text (pdftotext and
   screen readers get the title and the number alone), taken out of the line so that it never
   makes a title wrap, and clipped where the column starts. */
.toc a { display: flex; align-items: last baseline; gap: 0.4em; text-decoration: none; }
.toc-title { flex: 1; position: relative; overflow: hidden; }
/* A title that wraps hangs its later lines under the first one's words, not under its number. */
.toc-title { padding-inline-start: 1.5em; text-indent: -1.5em; }
.toc-title::after { content: ""; position: absolute; bottom: 0.42em; width: 100%; margin-inline-start: 0.3em; border-bottom: 1.6px dotted #666; }
.toc-page { min-width: 1.6em; text-align: end; }
${chapters
  .map(({ anchor, heads }) => {
    const boxes = heads.map((head, index) => `@top-${index ? 'right' : 'left'} { content: ${quote(head)}; ${HEAD_FONT} }`);
    return `#${anchor} { page: ${anchor}; }\n@page ${anchor} { ${boxes.join(' ')} }`;
  })
  .join('\n')}
`;
}
