import type { Element, Root, RootContent } from 'hast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { failAt, placed, RuleId } from '../content/rule-ids';

const source = 'rehype-leftover-syntax';
/** Elements whose text is not prose: code keeps its brackets, math and SVG are not the reader's words. */
const NOT_PROSE = new Set(['code', 'pre', 'script', 'style', 'math', 'svg']);

/** Why a `[@` was not a citation, in words an editor can act on. */
function citationHint(text: string): string {
  const written = /\[@[^\]]*\]?/.exec(text)?.[0] ?? '[@';
  const what = `\`${written}\` is not a citation`;
  if (/,\s*@/.test(written)) return `${what}: separate keys with “;”, as in [@vargo2004; @vargo2008]`;
  if (/,/.test(written)) return `${what}: locators such as [@key, p. 6] are not supported (the paper cites whole works); write [@key]`;
  if (/[^\w\s[\]@;,.-]/.test(written)) return `${what}: citation keys are ASCII letters, digits, _ and - (as in content/references.bib)`;
  return `${what}: write [@key] or [@key1; @key2], keys as in content/references.bib`;
}

/** Why a `](term:` was not a concept link. */
function termHint(text: string): string {
  const written = /\[[^\]]*\]\([^)]*\)?/.exec(text)?.[0] ?? '](term:';
  return `\`${written}\` is not a concept link: write [words](term:concept-id), with no spaces in the brackets`;
}

/**
 * Near-misses of our syntax that Markdown leaves as text: a `[@` that rehype-citations did not
 * turn into a citation (`[@key, p. 6]`, `[@a, @b]`, a non-ASCII key) or a `](term:` that is not a
 * link (`[text](term: id)`). Readers would see the raw syntax; the build fails at file:line.
 * Runs after rehype-citations and rehype-glossary-terms.
 */
function leftoverSyntaxTransform(tree: Root, file: VFile): void {
  const check = (node: Root | RootContent, ancestors: Node[]): void => {
    if (node.type === 'text') {
      const hint = node.value.includes('[@')
        ? citationHint(node.value)
        : /\]\(\s*term\s*:/.test(node.value)
          ? termHint(node.value)
          : undefined;
      if (hint) failAt(file, hint, placed([...ancestors, node]), RuleId.leftoverSyntax, source);
      return;
    }
    if ((node.type === 'element' && NOT_PROSE.has(node.tagName)) || !('children' in node)) return;
    for (const child of (node as Root | Element).children) check(child, [...ancestors, node]);
  };
  check(tree, []);
}

/** rehype plugin: see `leftoverSyntaxTransform`. */
export default function rehypeLeftoverSyntax() {
  return leftoverSyntaxTransform;
}
