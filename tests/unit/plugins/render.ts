import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { vi } from 'vitest';
import type { PageAnchors } from '../../../src/lib/anchors/page-anchors';
import type { Lang } from '../../../src/i18n/utils';
import { contentPlugins, type PipelineOptions } from '../../../src/lib/plugins/index';
import { mdxProcessor } from '../mdx-processor';

/** A small world for the plugins: three references, two concepts, a figure and two sections. */
export const fixtureOptions: PipelineOptions = {
  base: '/',
  numbers: new Map([
    ['vargo2004', 1],
    ['vargo2008', 2],
    ['hakanen2012', 3],
  ]),
  termIds: new Set(['value-co-creation', 'new-retail']),
  figures: new Set(['fig-1']),
  headingIds: new Map([['about', ['how-the-translation-was-made', 'conventions']]]),
  targets: {
    zh: new Map([
      ['fig-1', { slug: 'case-overview', label: '图 1' }],
      ['s3-1', { slug: 'case-overview', label: '第 3.1 节' }],
    ]),
    en: new Map([
      ['fig-1', { slug: 'case-overview', label: 'Figure 1' }],
      ['s3-1', { slug: 'case-overview', label: 'Section 3.1' }],
    ]),
  },
};

interface RenderOptions {
  lang?: Lang;
  /** Frontmatter of the rendered file; `section` opens the page. */
  frontmatter?: Record<string, unknown>;
  /** Overrides of the fixture's pipeline options. */
  options?: Partial<PipelineOptions>;
  /** The file's path under content/<lang>/. */
  file?: string;
}

/** Renders a Markdown string through the site's plugin list, as a file under content/<lang>/. */
export async function renderMarkdown(
  markdown: string,
  { lang = 'zh', frontmatter = { section: '2' }, options = {}, file = 'literature-review.mdx' }: RenderOptions = {},
) {
  const processor = await createMarkdownProcessor({
    syntaxHighlight: false,
    ...contentPlugins({ ...fixtureOptions, ...options }),
  });
  // Astro's processor prints each file it fails on before throwing: the tests assert the error itself.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return await processor.render(markdown, { fileURL: pathToFileURL(`/site/content/${lang}/${file}`), frontmatter });
  } finally {
    quiet.mockRestore();
  }
}

/**
 * Renders an MDX string through the site's plugin list as Astro's MDX integration does (JSX,
 * expressions and ESM parsed), as a file under content/<lang>/; returns the tree, its HTML and the anchors.
 */
export async function renderMdx(
  mdx: string,
  { lang = 'zh', frontmatter = { section: '2' }, options = {}, file = 'literature-review.mdx' }: RenderOptions = {},
): Promise<{ html: string; anchors: PageAnchors; tree: Root }> {
  const processor = mdxProcessor(contentPlugins({ ...fixtureOptions, ...options }));
  const vfile = new VFile({ path: `/site/content/${lang}/${file}`, value: mdx, data: { astro: { frontmatter } } });
  const tree: Root = await processor.run(processor.parse(vfile), vfile);
  return {
    // Read on demand: a tree that holds a component (<Note>) has no plain HTML, only the tree.
    get html() {
      return toHtml(tree);
    },
    anchors: vfile.data.astro?.frontmatter?.['anchors'] as PageAnchors,
    tree,
  };
}
