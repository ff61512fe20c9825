import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { CONTENT_COMPONENTS } from '../content/allowed-components';
import { failAt, RuleId } from '../content/rule-ids';

/** Options of `remarkAllowList`. */
export interface Options {
  /** The figures content/figures/ defines ("fig-1"), which `<AnalysisFigure id>` may draw. */
  figures: ReadonlySet<string>;
}

const source = 'remark-allow-list';
const COMPONENT_NAMES = Object.keys(CONTENT_COMPONENTS).join(', ');
/** Link targets content may use: the web, glossary concepts, anchors and pages of this site. */
const ALLOWED_LINK = /^(?:https?:\/\/|term:|#|\/(?!\/))/;

/** An MDX element's source, shortened for a message: `<meta http-equiv="refresh" …>`. */
function tagOf(node: MdxJsxFlowElement | MdxJsxTextElement): string {
  return `<${node.name ?? ''}>`;
}

/**
 * Content is text, not code: refuses what MDX would run or pass through unchecked, each at its
 * file and line. `{…}` expressions (MDX evaluates `{2015-2023}` to -8), `import`/`export`, raw
 * HTML and JSX other than the content components (CONTENT_COMPONENTS) with their known attributes
 * and literal values, links or images to anything but the web, `term:`, `#id` and the site, and
 * numbered lists in a section's text (an unescaped "2)" at a line's start).
 */
function allowListTransform(tree: Root, file: VFile, options: Options): void {
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return failAt(
          file,
          `\`{${node.value}}\` is an MDX expression, which runs as code: write \\{ and \\} for literal braces`,
          node,
          RuleId.notAllowed,
          source,
        );
      case 'mdxjsEsm':
        return failAt(file, 'import and export statements are not allowed in content', node, RuleId.notAllowed, source);
      case 'html':
        return failAt(
          file,
          `raw HTML is not allowed in content: write Markdown, or one of ${COMPONENT_NAMES}`,
          node,
          RuleId.notAllowed,
          source,
        );
      case 'link':
      case 'image':
      case 'definition':
        if (!ALLOWED_LINK.test(node.url)) {
          failAt(
            file,
            `the link target \`${node.url}\` is not allowed: links go to http(s) addresses, term:concept-id, #anchor or /site/path/`,
            node,
            RuleId.notAllowed,
            source,
          );
        }
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return checkComponent(node, file, options);
      case 'list':
        // The paper has no lists: a paragraph that starts "2) …" or "2. …" became one by accident.
        if (node.ordered && file.data.astro?.frontmatter?.['section'] !== undefined) {
          failAt(
            file,
            `a line starting with a number and “)” or “.” made a numbered list, which the paper's text never is: write ${node.start ?? 1}\\) to keep it a paragraph`,
            node,
            RuleId.notAllowed,
            source,
          );
        }
        return;
      default:
        return;
    }
  });
}

/** A JSX element is one of the content components, with its attributes as literal, known values. */
function checkComponent(node: MdxJsxFlowElement | MdxJsxTextElement, file: VFile, options: Options): void {
  const allowed = node.name === null ? undefined : CONTENT_COMPONENTS[node.name];
  if (!allowed) {
    failAt(
      file,
      `${tagOf(node)} is not allowed in content: raw HTML and other components are refused; write Markdown, or one of ${COMPONENT_NAMES}`,
      node,
      RuleId.notAllowed,
      source,
    );
  }
  for (const attribute of node.attributes) {
    const name = attribute.type === 'mdxJsxAttribute' ? attribute.name : '{…}';
    if (name === 'lang') continue; // remark-component-lang explains that one
    const pattern = allowed[name];
    const value = attribute.type === 'mdxJsxAttribute' ? attribute.value : undefined;
    if (!pattern || typeof value !== 'string' || !pattern.test(value)) {
      const expected = Object.entries(allowed).map(
        ([key, accepted]) => `${key}="${accepted.source.replace(/^\^\(\?:|\)\$$|^\^|\$$/g, '')}"`,
      );
      failAt(
        file,
        `${tagOf(node)} does not take ${name}${typeof value === 'string' ? `="${value}"` : ''}: it takes ${expected.join(' ') || 'no attributes'} (plain quoted values)`,
        node,
        RuleId.notAllowed,
        source,
      );
    }
  }
  for (const name of Object.keys(allowed)) {
    if (!node.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name)) {
      failAt(file, `${tagOf(node)} needs its ${name} attribute`, node, RuleId.notAllowed, source);
    }
  }
  const id = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value;
  if (node.name === 'AnalysisFigure' && typeof id === 'string' && !options.figures.has(id)) {
    failAt(
      file,
      `<AnalysisFigure id="${id}"> draws a figure content/figures/ does not have (${[...options.figures].join(', ')})`,
      node,
      RuleId.notAllowed,
      source,
    );
  }
}

/** remark plugin: see `allowListTransform`. Runs first, on the MDX syntax tree. */
export default function remarkAllowList(options: Options) {
  return (tree: Root, file: VFile) => allowListTransform(tree, file, options);
}
