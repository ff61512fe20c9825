import type { Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { NUMBERED_HEADING, sectionAnchor } from '../anchors/ids';

/**
 * Gives every numbered heading its contract id: "2.1. 价值共创理论研究" → `id="s2-1"`,
 * `data-section="2.1"`. Runs before Astro's heading ids, which keep an id already set.
 * Pure: no options, no file access.
 * @example `<h2>3.2.1. 价值共同主张</h2>` → `<h2 id="s3-2-1" data-section="3.2.1">3.2.1. 价值共同主张</h2>`
 */
function sectionIdsTransform(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (!headingRank(node)) return;
    const number = NUMBERED_HEADING.exec(toString(node).trim())?.[1];
    if (!number) return;
    node.properties = { ...node.properties, id: sectionAnchor(number), dataSection: number };
  });
}

/** rehype plugin: see `sectionIdsTransform`. */
export default function rehypeSectionIds() {
  return sectionIdsTransform;
}
