import type { Element, ElementContent, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { chinesePhrases } from '../content/phrases';
import { contentLang } from './content-lang';

const source = 'rehype-heading-phrases';

/** A Chinese text node as its phrases with a <wbr> between them. */
function phrasedText(text: string): ElementContent[] {
  return chinesePhrases(text).flatMap((phrase, index): ElementContent[] => [
    ...(index > 0 ? [h('wbr')] : []),
    { type: 'text', value: phrase },
  ]);
}

/**
 * Chinese headings break between words only: a <wbr> between the phrases of their Chinese text
 * (chinesePhrases), which sets the heading `word-break: keep-all` (global.css). Text another
 * language marks for itself (rehype-foreign-lang) is left as it is.
 */
function headingPhrasesTransform(tree: Root, file: VFile): void {
  if (contentLang(file, source) !== 'zh') return;
  visit(tree, 'element', (heading: Element) => {
    if (!headingRank(heading)) return undefined;
    visit(heading, (node, index, parent) => {
      if (node.type === 'element' && node !== heading && node.properties['lang'] !== undefined) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return undefined;
      const parts = phrasedText(node.value);
      if (parts.length === 1) return undefined;
      parent.children.splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
    return SKIP;
  });
}

/** rehype plugin: see `headingPhrasesTransform`. */
export default function rehypeHeadingPhrases() {
  return headingPhrasesTransform;
}
