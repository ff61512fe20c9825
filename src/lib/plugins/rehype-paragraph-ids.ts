import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { paragraphAnchor } from '../anchors/ids';
import { numberedBySection } from './page-sections';

/**
 * Numbers the paper's own paragraphs: each top-level `<p>` gets the id of its section and its
 * place in it (`s3-2-1-p2`), counted from 1 after the section's heading (see `numberedBySection`).
 * Paragraphs inside components (the site's notes, figures) are not top-level and never take a
 * paper id.
 */
function paragraphIdsTransform(tree: Root, file: VFile): void {
  const isParagraph = (node: RootContent): node is Element => node.type === 'element' && node.tagName === 'p';
  for (const { node, section, index } of numberedBySection(tree, file, isParagraph)) {
    node.properties = { ...node.properties, id: paragraphAnchor(section, index), className: ['para'] };
  }
}

/** rehype plugin: see `paragraphIdsTransform`. Needs rehype-section-ids before it. */
export default function rehypeParagraphIds() {
  return paragraphIdsTransform;
}
