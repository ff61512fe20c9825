import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { VFile } from 'vfile';
import type { Lang } from '../../src/i18n/utils';
import { contentPlugins, pipelineOptions } from '../../src/lib/plugins/index';
import type { PageAnchors } from '../../src/lib/anchors/page-anchors';
import { slugFromContentFile } from '../../src/lib/content/paths';
import { loadHeadingIds, loadSiteData, loadXrefTargets } from '../../src/lib/content/site-data';
import { mdxProcessor } from './mdx-processor';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One content file run through the site's MDX pipeline (without Astro): its frontmatter, anchors and tree. */
export interface ProcessedPage {
  lang: Lang;
  slug: string;
  frontmatter: Record<string, unknown>;
  body: string;
  anchors: PageAnchors;
  tree: Root;
}

/** Processes every file of content/<lang>/ as Astro would: MDX, then the site's rehype plugins. */
export async function processContent(lang: Lang, root = ROOT): Promise<ProcessedPage[]> {
  const processor = mdxProcessor(
    contentPlugins(
      pipelineOptions(await loadSiteData(root), { targets: await loadXrefTargets(root), headingIds: await loadHeadingIds(root) }, '/'),
    ),
  );
  const dir = join(root, 'content', lang);
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.mdx')).sort();
  return Promise.all(
    files.map(async (file) => {
      const path = join(dir, file);
      const { frontmatter, content } = parseFrontmatter(await readFile(path, 'utf8'));
      const vfile = new VFile({ path, value: content, data: { astro: { frontmatter } } });
      const tree: Root = await processor.run(processor.parse(vfile), vfile);
      const anchors = vfile.data.astro?.frontmatter?.['anchors'] as PageAnchors;
      return { lang, slug: slugFromContentFile(file), frontmatter, body: content, anchors, tree };
    }),
  );
}
