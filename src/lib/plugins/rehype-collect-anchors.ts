import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { PageAnchors } from '../anchors/page-anchors';

/**
 * Collects the page's anchors and where each citation and concept occurs, into
 * `file.data.astro.frontmatter.anchors` (Astro hands it to pages as `remarkPluginFrontmatter`).
 * Runs last. An annotation inside a note belongs to the paragraph or heading before it.
 */
function collectAnchorsTransform(tree: Root, file: VFile): void {
  const anchors: PageAnchors = {
    headings: [],
    paragraphs: [],
    sentences: [],
    texts: {},
    lines: {},
    citations: [],
    terms: [],
    math: false,
    levels: {},
    numbers: {},
    bare: [],
  };
  let current = '';
  for (const block of tree.children) {
    const id = block.type === 'element' ? block.properties['id'] : undefined;
    if (block.type === 'element' && typeof id === 'string') {
      if (typeof block.properties['dataSection'] === 'string') {
        anchors.headings.push(id);
        anchors.levels[id] = Number(block.tagName.slice(1));
        if (block.position) anchors.lines[id] = block.position.start.line;
        current = id;
      } else if (block.tagName === 'p') {
        anchors.paragraphs.push(id);
        anchors.texts[id] = toString(block).replace(/\s+/g, ' ').trim();
        if (block.position) anchors.lines[id] = block.position.start.line;
        const words = textWithoutCitations(block);
        anchors.numbers[id] = numbersIn(words);
        if (words.trim() === '') anchors.bare.push(id);
        current = id;
      }
    }
    visit(block, 'element', (node) => {
      const { dataRef, dataTerm, className, id: nodeId } = node.properties;
      if (Array.isArray(className) && className.includes('sentence') && typeof nodeId === 'string') anchors.sentences.push(nodeId);
      if (Array.isArray(className) && className.includes('katex')) anchors.math = true;
      if (dataRef !== undefined) anchors.citations.push({ ref: Number(dataRef), anchor: current });
      if (typeof dataTerm === 'string') anchors.terms.push({ term: dataTerm, anchor: current });
    });
  }
  file.data.astro ??= {};
  file.data.astro.frontmatter = { ...file.data.astro.frontmatter, anchors };
}

/** Words that scale the number before them: 9410 万 and 94.1 million are the same number. */
const SCALES: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8, thousand: 1e3, million: 1e6, billion: 1e9 };

/**
 * The numbers a text states in digits, as values: "10,000" → "10000", "9410 万" → "94100000".
 * A month is left out: a number in Chinese ("4 月"), a name in English ("April").
 */
function numbersIn(text: string): string[] {
  return [...text.replace(/\d+\s*月/g, '').matchAll(/(\d+(?:[.,]\d+)*)\s*(万|亿|thousand|million|billion)?/g)].map(
    ([, digits = '', scale]) => {
      const value = digits.replaceAll(',', '');
      return scale ? String(Math.round(Number(value) * (SCALES[scale] ?? 1))) : value;
    },
  );
}

/** A paragraph's text without its citations' "[1]" and without math markup. */
function textWithoutCitations(node: Element): string {
  return node.children
    .map((child) => {
      if (child.type === 'text') return child.value;
      if (child.type !== 'element') return '';
      const className = child.properties['className'];
      return Array.isArray(className) && ['cite', 'cite-group', 'katex'].some((name) => className.includes(name))
        ? ''
        : textWithoutCitations(child);
    })
    .join('');
}

/** rehype plugin: see `collectAnchorsTransform`. */
export default function rehypeCollectAnchors() {
  return collectAnchorsTransform;
}
