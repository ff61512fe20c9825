import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { PageAnchors } from '../anchors/page-anchors';

/**
 * Collects the page's anchors and where each citation and concept occurs, into
 * `file.data.astro.frontmatter.anchors` (Astro hands it to pages as `remarkPluginFrontmatter`).
 * Runs last. An annotation inside a note belongs to the paragraph or heading before it.
 */
export function collectAnchorsTransform(tree: Root, file: VFile): void {
  const anchors: PageAnchors = { headings: [], paragraphs: [], sentences: [], texts: {}, lines: {}, citations: [], terms: [], math: false };
  let current = '';
  for (const block of tree.children) {
    const id = block.type === 'element' ? block.properties['id'] : undefined;
    if (block.type === 'element' && typeof id === 'string') {
      if (typeof block.properties['dataSection'] === 'string') {
        anchors.headings.push(id);
        current = id;
      } else if (block.tagName === 'p') {
        anchors.paragraphs.push(id);
        anchors.texts[id] = toString(block).replace(/\s+/g, ' ').trim();
        if (block.position) anchors.lines[id] = block.position.start.line;
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

/** rehype plugin: see `collectAnchorsTransform`. */
export default function rehypeCollectAnchors() {
  return collectAnchorsTransform;
}
