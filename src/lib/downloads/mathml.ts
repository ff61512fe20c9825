import type { Element } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Gives an operator between words its space in the books' MathML. KaTeX writes `\text{Revenue} -
 * \text{Cost}` as `<mrow><mtext>Revenue</mtext><mo>−</mo><mtext>Cost</mtext></mrow>`; MathML Core
 * counts <mtext> as space-like, so that row is one "embellished operator" and the engines (Chromium
 * prints the PDFs) set the minus with no space around it: "Revenue−Cost" (w3c/mathml-core#286).
 * As upright identifiers (<mi mathvariant="normal">) the words are operands, and the operator
 * takes the space TeX gives it. Rows with anything else in them already space their operators.
 */
export function spaceOperatorsBetweenWords(tree: Element): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'mrow') return;
    const children = node.children.filter((child): child is Element => child.type === 'element');
    const operators = children.filter((child) => child.tagName === 'mo');
    const words = children.filter((child) => child.tagName === 'mtext');
    if (operators.length !== 1 || words.length === 0 || operators.length + words.length !== children.length) return;
    for (const word of words) {
      word.tagName = 'mi';
      word.properties = { ...word.properties, mathvariant: 'normal' };
    }
  });
}
