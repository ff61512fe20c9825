import rehypeKatex from 'rehype-katex';
import { ABOUT_ANCHORS, referenceAnchor, termAnchor } from '../anchors/ids';
import remarkMath from 'remark-math';
import type { RehypePlugin, RemarkPlugin } from '@astrojs/markdown-remark';
import rehypeCitations from './rehype-citations';
import rehypeCollectAnchors from './rehype-collect-anchors';
import { referenceNumbers } from '../citations/bibliography';
import type { SiteData } from '../content/site-data';
import type { HeadingIds } from '../content/heading-ids';
import type { XrefTargets } from '../content/xref-targets';
import rehypeFocusableMath from './rehype-focusable-math';
import rehypeForeignLang from './rehype-foreign-lang';
import rehypeLeftoverSyntax from './rehype-leftover-syntax';
import rehypeMathErrors from './rehype-math-errors';
import remarkAllowList from './remark-allow-list';
import remarkComponentLang from './remark-component-lang';
import rehypeCrossReferences from './rehype-cross-references';
import rehypeGlossaryTerms from './rehype-glossary-terms';
import rehypeHeadingIds from './rehype-heading-ids';
import rehypeHeadingPhrases from './rehype-heading-phrases';
import rehypeNoteIds from './rehype-note-ids';
import rehypeParagraphIds from './rehype-paragraph-ids';
import rehypeSearchSubResults from './rehype-search-subresults';
import rehypeSentenceIds from './rehype-sentence-ids';
import rehypeSectionIds from './rehype-section-ids';

/** What the content pipeline needs to know about the whole site, gathered once before rendering. */
export interface PipelineOptions {
  /** The site's base path ("/" or "/courses/…/"). */
  base: string;
  /** Citation key → reference number (content/references.bib, in the paper's order). */
  numbers: ReadonlyMap<string, number>;
  /** The glossary's concept ids (content/glossary.json). */
  termIds: ReadonlySet<string>;
  /** Cross-reference targets by language (collected from content/). */
  targets: XrefTargets;
  /** The ids of the headings without a number, by page, from the English pages (collected from content/). */
  headingIds: HeadingIds;
  /** The figures of content/figures/ ("fig-1"). */
  figures: ReadonlySet<string>;
}

/** The pipeline's options from the site's data, read once by the config. */
export function pipelineOptions(data: SiteData, ids: { targets: XrefTargets; headingIds: HeadingIds }, base: string): PipelineOptions {
  return {
    base,
    headingIds: ids.headingIds,
    numbers: referenceNumbers(data.bibliography),
    termIds: new Set(data.glossary.map((concept) => concept.id)),
    targets: ids.targets,
    figures: new Set(data.figures),
  };
}

/**
 * The anchors a site link may name beside the paper's own ids (which `targets` hold): the
 * references', the glossary's, and the headings of the site's own pages, by page slug.
 */
function pageAnchors({ numbers, termIds, headingIds }: PipelineOptions): ReadonlyMap<string, ReadonlySet<string>> {
  const anchors = new Map<string, ReadonlySet<string>>(Array.from(headingIds, ([slug, ids]) => [slug, new Set(ids)]));
  anchors.set('about', new Set([...(headingIds.get('about') ?? []), ...Object.values(ABOUT_ANCHORS)]));
  anchors.set('references', new Set(Array.from(numbers.values(), referenceAnchor)));
  anchors.set('glossary', new Set(Array.from(termIds, termAnchor)));
  return anchors;
}

/** A plugin list that both unified's `use()` and Astro's `unified()` processor accept. */
type PluginList<P> = (P | [P, unknown])[];

/**
 * The site's remark and rehype plugins, in order. astro.config.mjs hands them to
 * `unified()` from @astrojs/markdown-remark (MDX inherits them); unit tests render
 * small Markdown strings through the same list.
 */
export function contentPlugins(options: PipelineOptions): {
  remarkPlugins: PluginList<RemarkPlugin>;
  rehypePlugins: PluginList<RehypePlugin>;
} {
  const { base, numbers, termIds, targets, figures, headingIds } = options;
  return {
    remarkPlugins: [[remarkAllowList, { figures }], remarkMath, remarkComponentLang],
    rehypePlugins: [
      rehypeSectionIds,
      [rehypeHeadingIds, { headingIds }],
      rehypeParagraphIds,
      rehypeNoteIds,
      rehypeSentenceIds,
      rehypeSearchSubResults,
      [rehypeGlossaryTerms, { termIds, base }],
      [rehypeCrossReferences, { targets, base, pageAnchors: pageAnchors(options) }],
      [rehypeCitations, { numbers, base }],
      rehypeLeftoverSyntax,
      rehypeForeignLang,
      rehypeHeadingPhrases,
      // MathML for screen readers beside KaTeX's HTML; no math JavaScript reaches the browser.
      [
        rehypeKatex,
        {
          output: 'htmlAndMathml',
          // Chinese words inside \text{} have no KaTeX font metrics; the system font draws them.
          strict: (code: string) => (code === 'unicodeTextInMathMode' || code === 'unknownSymbol' ? 'ignore' : 'warn'),
        },
      ],
      rehypeMathErrors,
      rehypeFocusableMath,
      rehypeCollectAnchors,
    ],
  };
}
