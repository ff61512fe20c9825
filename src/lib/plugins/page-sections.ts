import type { Root, RootContent } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import type { VFile } from 'vfile';

/**
 * The top-level nodes of a page that `matches`, each with its paper section and its place among
 * that section's matches, counted from 1. The frontmatter's `section` opens the page (the layout
 * draws that heading) and each numbered heading (`data-section`, from rehype-section-ids) starts
 * the next; unnumbered headings start nothing. Nothing before the first section (a page without
 * one in its frontmatter, such as about, until a numbered heading) is yielded.
 */
export function* numberedBySection<T extends RootContent>(
  tree: Root,
  file: VFile,
  matches: (node: RootContent) => node is T,
): Generator<{ node: T; section: string; index: number }> {
  let section = file.data.astro?.frontmatter?.['section'] as string | undefined;
  let index = 0;
  for (const node of tree.children) {
    const number = node.type === 'element' && headingRank(node) ? node.properties['dataSection'] : undefined;
    if (typeof number === 'string') {
      section = number;
      index = 0;
    } else if (section && matches(node)) {
      index += 1;
      yield { node, section, index };
    }
  }
}
