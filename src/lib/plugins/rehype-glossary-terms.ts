import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { termAnchor, termPreviewId } from '../anchors/ids';
import { pageUrl } from '../site/urls';
import { contentLang } from './content-lang';
import { failAt, RuleId } from '../content/rule-ids';

/** Options of `rehypeGlossaryTerms`. */
export interface Options {
  /** The ids of the glossary's concepts. */
  termIds: ReadonlySet<string>;
  /** The site's base path, for the links. */
  base: string;
}

const source = 'rehype-glossary-terms';
const TERM_SCHEME = 'term:';

/**
 * Resolves concept annotations, written in Markdown as links with the `term:` scheme,
 * into links to the glossary entry that a preview of the definition describes.
 * An unknown id fails the build with the file, the line and the id.
 */
function glossaryTermsTransform(tree: Root, file: VFile, options: Options): void {
  const lang = contentLang(file, source);
  const { termIds, base } = options;

  visit(tree, 'element', (node) => {
    const href = node.properties['href'];
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith(TERM_SCHEME)) return;
    const id = href.slice(TERM_SCHEME.length);
    if (!termIds.has(id)) {
      failAt(file, `Unknown glossary term \`${id}\` (not in content/glossary.json)`, node, RuleId.unknownTerm, source);
    }
    node.properties = {
      ...node.properties,
      href: pageUrl(base, lang, 'glossary', termAnchor(id)),
      className: ['term'],
      dataTerm: id,
      ariaDescribedBy: [termPreviewId(id)],
    };
  });
}

/**
 * rehype plugin: `[价值共创](term:value-co-creation)` →
 * `<a class="term" href="/zh/glossary/#term-value-co-creation" …>价值共创</a>`.
 */
export default function rehypeGlossaryTerms(options: Options) {
  return (tree: Root, file: VFile) => glossaryTermsTransform(tree, file, options);
}
