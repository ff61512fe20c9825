import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * A display formula scrolls sideways when it is wider than the column, as on a phone: it takes
 * keyboard focus, so that it can be scrolled without a pointer (WCAG 2.1.1; axe's
 * scrollable-region-focusable). Runs after rehype-katex, which makes the `.katex-display` box.
 */
function focusableMathTransform(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const classes = node.properties.className;
    if (Array.isArray(classes) && classes.includes('katex-display')) node.properties.tabIndex = 0;
  });
}

/** rehype plugin: see `focusableMathTransform`. */
export default function rehypeFocusableMath() {
  return focusableMathTransform;
}
