import type { Element, Root, RootContent } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Lang } from '../../i18n/utils';
import { noteSection } from '../anchors/ids';

/** One row of the parallel view: a block of each language that say the same thing. */
export interface ParallelRow {
  /** The anchor that starts the row (a heading or paragraph id), or "" for what precedes any. */
  anchor: string;
  /** Whether the row holds what follows a heading or paragraph (notes, figures, tables), not the text itself. */
  additions: boolean;
  zh: string;
  en: string;
}

/** Splits rendered HTML into blocks, each starting at a heading or paper paragraph with an id; notes, figures and tables stay with the block before them. */
export function blocksOf(tree: Root): { anchor: string; nodes: RootContent[] }[] {
  const blocks: { anchor: string; nodes: RootContent[] }[] = [];
  for (const node of tree.children) {
    const id = node.type === 'element' ? node.properties['id'] : undefined;
    if (typeof id === 'string' && ((node as Element).tagName === 'p' || headingRank(node))) {
      blocks.push({ anchor: id, nodes: [node] });
    } else if (node.type !== 'text' || node.value.trim() !== '') {
      const last = blocks.at(-1);
      if (last) last.nodes.push(node);
      else blocks.push({ anchor: '', nodes: [node] });
    }
  }
  return blocks;
}

/** One block: a heading or paper paragraph with an id (its anchor), then what follows it. */
type Block = ReturnType<typeof blocksOf>[number];

/** A block cut in two: its heading or paper paragraph, and what follows it (notes, figures, tables). */
function leadAndAdditions(block: Block): { lead: RootContent[]; additions: RootContent[] } {
  const [first, ...rest] = block.nodes;
  return block.anchor && first ? { lead: [first], additions: rest } : { lead: [], additions: block.nodes };
}

/**
 * The two languages' additions after one paragraph, paired: one by one (a note with its
 * translation, then the timeline with its own) when both have as many; else by their ids where
 * every one of the original's has a counterpart, what the translation has alone in a pair of its
 * own in its place (the English note on the abstract); otherwise all together.
 * @param idOf an addition's id, if it has one
 */
export function pairAdditions<T>(zh: readonly T[], en: readonly T[], idOf: (node: T) => string | undefined): [T[], T[]][] {
  if (zh.length === en.length) return zh.map((node, index) => [[node], en.slice(index, index + 1)]);
  const enIds = en.map(idOf);
  const positions = zh.map((node) => {
    const id = idOf(node);
    return id === undefined ? -1 : enIds.indexOf(id);
  });
  if (positions.some((position, index) => position < 0 || (index > 0 && position <= (positions[index - 1] ?? -1))))
    return [[[...zh], [...en]]];
  const pairs: [T[], T[]][] = [];
  let next = 0;
  positions.forEach((position, index) => {
    for (const alone of en.slice(next, position)) pairs.push([[], [alone]]);
    pairs.push([zh.slice(index, index + 1), en.slice(position, position + 1)]);
    next = position + 1;
  });
  for (const alone of en.slice(next)) pairs.push([[], [alone]]);
  return pairs;
}

/**
 * The id of a node, if it is an element that has one and it names the same thing in both
 * languages. A note's id (`s3-1-note-2`) does not: each language numbers its own notes.
 */
const elementId = (node: RootContent): string | undefined =>
  node.type === 'element' && typeof node.properties['id'] === 'string' && !noteSection(node.properties['id'])
    ? node.properties['id']
    : undefined;

/**
 * A block of the original and the translation's block with the same anchor (if there is one), as
 * the pairs they are read in: both languages' heading or paragraph first, then each of their
 * additions with its translation (pairAdditions). One under the other where the columns stack on
 * a phone, or one after the other in the bilingual book, a paragraph is never kept from its
 * translation by a note. Parts with nothing in either language are left out.
 */
export function pairedParts(zh: Block, en: Block | undefined): { additions: boolean; zh: RootContent[]; en: RootContent[] }[] {
  const zhParts = leadAndAdditions(zh);
  const enParts = en ? leadAndAdditions(en) : { lead: [], additions: [] };
  return [
    { additions: false, zh: zhParts.lead, en: enParts.lead },
    ...pairAdditions(zhParts.additions, enParts.additions, elementId).map(([zhNodes, enNodes]) => ({
      additions: true,
      zh: zhNodes,
      en: enNodes,
    })),
  ].filter((part) => part.zh.length || part.en.length);
}

/**
 * Ids, and the references to ids, are kept once, by the page's own language: ids must be unique in
 * a page. A sentence keeps its id as `data-sentence`, so the view can pair it with its counterpart.
 */
function withoutIds(nodes: RootContent[]): RootContent[] {
  const root: Root = { type: 'root', children: structuredClone(nodes) };
  visit(root, 'element', (node) => {
    const { id, className } = node.properties;
    if (typeof id === 'string' && Array.isArray(className) && className.includes('sentence')) node.properties['dataSentence'] = id;
    delete node.properties['id'];
    delete node.properties['ariaDescribedBy'];
    // Without its label a copied section is no landmark, so landmarks stay unique.
    delete node.properties['ariaLabelledBy'];
  });
  return root.children;
}

/**
 * Pairs the two languages' rendered sections block by block, for the side-by-side view.
 * The page's language keeps its ids, so `#s3-2-1-p2` lands on the same paragraph as on the
 * section page. Throws if the blocks do not pair up (the build checks alignment before this).
 * @param pageLang the language whose ids the page keeps
 */
export function pairBlocks(zhHtml: string, enHtml: string, pageLang: Lang): ParallelRow[] {
  const zh = blocksOf(fromHtml(zhHtml, { fragment: true }));
  const en = blocksOf(fromHtml(enHtml, { fragment: true }));
  const anchors = (blocks: typeof zh) => blocks.map((block) => block.anchor).join();
  if (anchors(zh) !== anchors(en)) {
    throw new Error(`The parallel view cannot pair the two languages: zh blocks ${anchors(zh)}; en blocks ${anchors(en)}`);
  }
  const render = (nodes: RootContent[], keepIds: boolean) => toHtml({ type: 'root', children: keepIds ? nodes : withoutIds(nodes) });
  return zh.flatMap((block, index) =>
    pairedParts(block, en[index]).map((part) => ({
      anchor: part.additions ? '' : block.anchor,
      additions: part.additions,
      zh: render(part.zh, pageLang === 'zh'),
      en: render(part.en, pageLang === 'en'),
    })),
  );
}
