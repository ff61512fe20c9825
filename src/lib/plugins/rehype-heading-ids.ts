import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { HeadingIds } from '../content/heading-ids';
import { contentLocation } from '../content/paths';
import { failAt, RuleId } from '../content/rule-ids';

/**
 * Gives each heading still without an id (the paper's numbered ones have theirs, from
 * rehype-section-ids) the id of the English page's heading in its place, in either language:
 * "### 体例" and "### Conventions" are both `#conventions`. Runs before Astro's heading ids, which
 * keep an id already set. Fails when the two languages' pages have different numbers of such headings.
 */
function headingIdsTransform(tree: Root, file: VFile, headingIds: HeadingIds): void {
  const location = contentLocation(file.path);
  if (!location) return;
  const headings: Element[] = [];
  visit(tree, 'element', (node) => {
    if (headingRank(node) && node.properties.id === undefined) headings.push(node);
  });
  const ids = headingIds.get(location.slug) ?? [];
  if (headings.length !== ids.length) {
    // The first heading that has no counterpart (or the last one, when the English page has more).
    const at = headings[Math.min(ids.length, headings.length - 1)];
    const reason = `${headings.length} headings without a number here, ${ids.length} in content/en/${location.pathInLang}: both languages need the same headings, in the same order`;
    failAt(file, reason, at, RuleId.headingMismatch, 'rehype-heading-ids');
  }
  headings.forEach((heading, index) => (heading.properties.id = ids[index]));
}

/** rehype plugin: see `headingIdsTransform`. */
export default function rehypeHeadingIds(options: { headingIds: HeadingIds }) {
  return (tree: Root, file: VFile) => headingIdsTransform(tree, file, options.headingIds);
}
