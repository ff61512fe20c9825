import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Lang } from '../../i18n/utils';
import type { XrefTargets } from '../content/xref-targets';
import { normaliseBase, pageUrl } from '../site/urls';
import { MACHINE_FILES, UTILITY_SLUGS } from '../site/whole-site';
import { contentLang } from './content-lang';
import { failAt, RuleId } from '../content/rule-ids';

/** Options of `rehypeCrossReferences`. */
export interface Options {
  /** The targets, collected from all of content/ before rendering. */
  targets: XrefTargets;
  /** The anchors of the pages besides the paper's own ids, the same in both languages, by page slug. */
  pageAnchors: ReadonlyMap<string, ReadonlySet<string>>;
  /** The site's base path, for the links. */
  base: string;
}

const source = 'rehype-cross-references';

/**
 * Checks a site-relative link (`/en/glossary/`, `/zh/case-overview/#fig-1`, `/references.bib`)
 * against the site's pages and their anchors (those of the paper's pages, the references, the
 * glossary and the about page; the search and downloads pages have none to link to); returns it
 * under the base path. Fails the build with the file and the line when no such page or anchor exists.
 */
function siteLink(href: string, node: Element, file: VFile, options: Options): string {
  const [path = '', anchor] = href.split('#');
  const [, lang, slug = ''] = /^\/(zh|en)\/(?:(.+?)\/)?$/.exec(path) ?? [];
  const targets = lang ? options.targets[lang as Lang] : undefined;
  const slugs = new Set([...(targets?.values() ?? [])].map((target) => target.slug));
  const page = slug.replace(/\/parallel$/, '');
  const known =
    MACHINE_FILES.includes(path.slice(1)) ||
    path === '/' ||
    (targets && (page === '' || slugs.has(page) || (UTILITY_SLUGS as readonly string[]).includes(page)));
  if (!known)
    failAt(
      file,
      `Link to \`${href}\`: the site has no page ${path} (site links are written /zh/… or /en/…, ending in /)`,
      node,
      RuleId.unknownLink,
      source,
    );
  const anchors = options.pageAnchors.get(page);
  if (anchor && (slugs.has(page) || anchors) && targets?.get(anchor)?.slug !== page && !anchors?.has(anchor)) {
    failAt(file, `Link to \`${href}\`: the page ${path} has no anchor #${anchor}`, node, RuleId.unknownLink, source);
  }
  return normaliseBase(options.base) + href.slice(1);
}

/**
 * Resolves links written as `[](#fig-1)` or `[text](#s3-1)` (or a paragraph or sentence anchor):
 * the link goes to the page that holds the id, and an empty one takes its label from the target,
 * in the page's language. A reference to an id that no page defines fails the build with the
 * file, the line and the id. Site-relative links (`/en/glossary/`) are checked and put under the base path.
 */
function crossReferencesTransform(tree: Root, file: VFile, options: Options): void {
  const lang = contentLang(file, source);
  const targets = options.targets[lang];
  const { base } = options;

  visit(tree, 'element', (node) => {
    const href = node.properties['href'];
    if (node.tagName !== 'a' || typeof href !== 'string') return;
    // A concept link is already resolved (rehype-glossary-terms ran first), under the base path.
    if (href.startsWith('/') && node.properties['dataTerm'] === undefined) {
      node.properties = { ...node.properties, href: siteLink(href, node, file, options) };
      return;
    }
    if (!href.startsWith('#')) return;
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
export default function rehypeCrossReferences(options: Options) {
  return (tree: Root, file: VFile) => crossReferencesTransform(tree, file, options);
}
