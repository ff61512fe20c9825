import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import type { VFile } from 'vfile';
import { paragraphAnchor } from '../anchors/ids';

/**
 * Numbers the paper's own paragraphs: each top-level `<p>` gets the id of its section and its
 * place in it (`s3-2-1-p2`), counted from 1 after the section's heading. The page's opening
 * section comes from the frontmatter's `section` (the layout draws that heading); numbered
 * headings in the body (see rehype-section-ids) start the next count. Paragraphs inside
 * components (the site's notes, figures) are not top-level and never take a paper id.
 */
export function paragraphIdsTransform(tree: Root, file: VFile): void {
  let section = file.data.astro?.frontmatter?.['section'] as string | undefined;
  let count = 0;
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    const headingSection = node.properties['dataSection'];
    if (headingRank(node) && typeof headingSection === 'string') {
      section = headingSection;
      count = 0;
    } else if (node.tagName === 'p' && section) {
      count += 1;
      node.properties = { ...node.properties, id: paragraphAnchor(section, count), className: ['para'] };
    }
  }
}

/** rehype plugin: see `paragraphIdsTransform`. Needs rehype-section-ids before it. */
export default function rehypeParagraphIds() {
  return paragraphIdsTransform;
}
