import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { XrefTarget, XrefTargets } from '../content/xref-targets';
import { pageUrl } from '../site/urls';
import { contentLang } from './content-lang';
import { failAt, RuleId } from '../content/rule-ids';

/** Options of `rehypeCrossReferences`. */
export interface Options {
  /** The targets, collected from all of content/ before rendering. Default: none. */
  targets?: XrefTargets;
  /** The site's base path, for the links. Default: "/". */
  base?: string;
}

const emptyOptions: Options = {};
const source = 'rehype-cross-references';

/**
 * Resolves links written as `[](#fig-1)` or `[text](#s3-1)`: the link goes to the page that
 * holds the id, and an empty one takes its label from the target, in the page's language.
 * A reference to an id that no page defines fails the build with the file, the line and the id.
 */
export function crossReferencesTransform(tree: Root, file: VFile, options: Options): void {
  const lang = contentLang(file, source);
  const targets = options.targets?.[lang] ?? new Map<string, XrefTarget>();
  const base = options.base ?? '/';

  visit(tree, 'element', (node) => {
    const href = node.properties['href'];
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
    const id = href.slice(1);
    const target = targets.get(id);
    if (!target) {
      failAt(file, `Cross-reference to \`#${id}\`, which no page defines`, node, RuleId.unknownCrossReference, source);
    }
    node.properties = { ...node.properties, href: pageUrl(base, lang, target.slug, id), className: ['xref'] };
    if (toString(node).trim() === '') node.children = [{ type: 'text', value: target.label }];
  });
}

/**
 * rehype plugin: `如下[](#fig-1)所示` → `如下<a class="xref" href="/zh/case-overview/#fig-1">图 1</a>所示`.
 */
export default function rehypeCrossReferences(options?: Options) {
  return (tree: Root, file: VFile) => crossReferencesTransform(tree, file, options ?? emptyOptions);
}
