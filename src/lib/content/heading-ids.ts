import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Slugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { NUMBERED_HEADING } from '../anchors/ids';
import { mdxFiles, parseMdxSource } from './mdx-source';
import { slugFromContentFile } from './paths';

/**
 * The ids of each page's headings that the paper does not number (the site's own pages, such as
 * the about page), by page slug, in order. Both languages use the English page's ids, so that an
 * anchor such as `#using-this-site-in-your-course` lands in the same place in either language
 * (the language switch keeps it) and the bilingual book pairs the headings.
 */
export type HeadingIds = ReadonlyMap<string, readonly string[]>;

/** The ids of a file's unnumbered headings, in order: their text as a GitHub-style slug, as Astro makes it. */
export function unnumberedHeadingIds(text: string): string[] {
  const { tree } = parseMdxSource(text);
  const slugger = new Slugger();
  const ids: string[] = [];
  visit(tree, 'heading', (node) => {
    const title = toString(node).trim();
    if (!NUMBERED_HEADING.test(title)) ids.push(slugger.slug(title));
  });
  return ids;
}

/**
 * Collects the ids of every English page's unnumbered headings before rendering.
 * @param contentDir the absolute path of content/
 */
export async function collectHeadingIds(contentDir: string): Promise<HeadingIds> {
  const dir = join(contentDir, 'en');
  const entries = await Promise.all(
    (await mdxFiles(dir)).map(async (file): Promise<[string, string[]]> => [slugFromContentFile(file), unnumberedHeadingIds(await readFile(join(dir, file), 'utf8'))]),
  );
  return new Map(entries.filter(([, ids]) => ids.length));
}
