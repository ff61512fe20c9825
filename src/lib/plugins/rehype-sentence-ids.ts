import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { isParagraphAnchor, sentenceAnchor } from '../anchors/ids';
import { failAt, RuleId } from '../content/rule-ids';
import { contentLang } from './content-lang';

const source = 'rehype-sentence-ids';

/**
 * One Chinese sentence (docs/contract.md, "Sentences"): no 。！？ inside, and one at its end,
 * followed only by closing quotes or brackets and by citations ("[1]", "[@key]").
 */
const CHINESE_SENTENCE = /^[^。！？]*[。！？][”’」』）)]*(?:\s*\[(?:@[^\]]+|\d+)\])*$/;
/** A paragraph's last sentence may also end at the paragraph's end, without the mark. */
const LAST_CHINESE_SENTENCE = /^[^。！？]*(?:[。！？][”’」』）)]*)?(?:\s*\[(?:@[^\]]+|\d+)\])*$/;

/** Splits a paragraph's children at the line breaks of its source text: one group per line. */
function linesOf(children: readonly ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  for (const child of children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines.at(-1)?.push(child);
      continue;
    }
    child.value.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part) lines.at(-1)?.push({ type: 'text', value: part });
    });
  }
  return lines.filter((line) => line.some((node) => node.type !== 'text' || node.value.trim() !== ''));
}

/**
 * Gives every sentence of a paper paragraph its contract id. Content is written one sentence per
 * line (a soft line break inside the paragraph): line n of a Chinese paragraph and line n of its
 * English are the same sentence, however many English sentences it takes.
 * `<p id="s1-p1">甲。\n乙。</p>` → `<p id="s1-p1"><span id="s1-p1-s1" class="sentence">甲。</span><span id="s1-p1-s2" …>乙。</span></p>`;
 * English keeps a space between sentences, Chinese none. A Chinese line that is not exactly one
 * sentence fails the build with the file and line.
 */
function sentenceIdsTransform(tree: Root, file: VFile): void {
  const lang = contentLang(file, source);
  for (const node of tree.children) {
    const id = node.type === 'element' ? node.properties['id'] : undefined;
    if (node.type !== 'element' || node.tagName !== 'p' || typeof id !== 'string' || !isParagraphAnchor(id)) continue;
    const lines = linesOf(node.children);
    const sentences = lines.map((children, index): Element => {
      const sentence: Element = {
        type: 'element',
        tagName: 'span',
        properties: { id: sentenceAnchor(id, index + 1), className: ['sentence'] },
        children,
      };
      const text = toString(sentence).trim();
      const pattern = index === lines.length - 1 ? LAST_CHINESE_SENTENCE : CHINESE_SENTENCE;
      if (lang === 'zh' && !pattern.test(text)) {
        const line = (node.position?.start.line ?? 0) + index;
        failAt(
          file,
          `Line ${index + 1} of paragraph ${id} is not one Chinese sentence (write one sentence per line, ending in 。！？): “${text.slice(0, 40)}”`,
          { type: 'text', position: { start: { line, column: 1 }, end: { line, column: 1 } } },
          RuleId.sentenceBoundary,
          source,
        );
      }
      return sentence;
    });
    node.children = sentences.flatMap((sentence, index): ElementContent[] =>
      index > 0 && lang !== 'zh' ? [{ type: 'text', value: ' ' }, sentence] : [sentence],
    );
  }
}

/** rehype plugin: see `sentenceIdsTransform`. Needs rehype-paragraph-ids before it. */
export default function rehypeSentenceIds() {
  return sentenceIdsTransform;
}
