import { readdir } from 'node:fs/promises';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/*
 * Content files read as source, before Astro renders them: the config collects from them what the
 * content pipeline needs to know about every page at once (cross-reference targets, heading ids).
 */

/** The MDX files of one language's folder (content/<lang>/), as paths inside it, in a stable order. */
export async function mdxFiles(langDir: string): Promise<string[]> {
  return (await readdir(langDir, { recursive: true })).filter((file) => file.endsWith('.mdx')).sort();
}

/**
 * A content file's frontmatter and its Markdown tree (MDX and math syntax parsed). Blank lines
 * stand in for the frontmatter, so that positions and parse errors give the file's own lines.
 */
export function parseMdxSource(text: string): { frontmatter: Record<string, unknown>; tree: Root } {
  const { frontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-lines' });
  return { frontmatter, tree: unified().use(remarkParse).use(remarkMdx).use(remarkMath).parse(content) };
}
