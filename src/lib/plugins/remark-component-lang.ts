import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { failAt, RuleId } from '../content/rule-ids';
import { contentLang } from './content-lang';

const source = 'remark-component-lang';

/** A JSX element whose name starts with a capital letter is a component (`<Note>`), not HTML. */
function isComponent(node: MdxJsxFlowElement | MdxJsxTextElement): boolean {
  return node.name !== null && /^[A-Z]/.test(node.name);
}

/**
 * Hands every content component its content file's language as a `lang` prop, so that what it
 * renders (labels, captions, links) is in the language of the text around it, also in a parallel
 * view, which renders both languages on one URL. Content never sets `lang` itself: one source.
 * @example in content/zh/: `<Note kind="editor">…</Note>` → `<Note kind="editor" lang="zh">…</Note>`
 */
function componentLangTransform(tree: Root, file: VFile): void {
  const lang = contentLang(file, source);
  visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
    const element = node as MdxJsxFlowElement | MdxJsxTextElement;
    if (!isComponent(element)) return;
    if (element.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'lang')) {
      failAt(
        file,
        `<${element.name}> sets lang: components take their language from the content file, so leave it out`,
        element,
        RuleId.componentLang,
        source,
      );
    }
    element.attributes.push({ type: 'mdxJsxAttribute', name: 'lang', value: lang });
  });
}

/** remark plugin: see `componentLangTransform`. */
export default function remarkComponentLang() {
  return componentLangTransform;
}
