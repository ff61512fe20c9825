import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { LANGS, useTranslations, type Lang } from '../../i18n/utils';
import { NUMBERED_HEADING, paragraphAnchor, parseAnchor, sectionAnchor, sentenceAnchor } from '../anchors/ids';
import { placeLabel } from '../anchors/labels';
import { mdxFiles, parseMdxSource } from './mdx-source';
import { slugFromContentFile } from './paths';
import { RuleId } from './rule-ids';

/** Where an id lives and what a reference to it reads, in one language. */
export interface XrefTarget {
  /** The page's slug inside the language, e.g. "case-overview". */
  slug: string;
  /** The label an empty reference shows, e.g. "图 1" or "Section 3.1". */
  label: string;
}

/** Every id that a cross-reference may point at, by language. */
export type XrefTargets = Readonly<Record<Lang, ReadonlyMap<string, XrefTarget>>>;

/** The label an empty cross-reference to `id` shows: "图 1" / "Figure 1", "第 3.1 节" / "Section 3.1", "§3.1 ¶2". */
function xrefLabel(id: string, section: string | undefined, lang: Lang): string {
  const t = useTranslations(lang);
  const figure = /^fig-(\d+)$/.exec(id);
  if (figure) return t('figure.label', { n: figure[1] ?? '' });
  if (parseAnchor(id)?.paragraph !== undefined) return placeLabel(id, lang);
  return section ? t('section.label', { n: section }) : id;
}

/**
 * The ids one content file defines: its opening section, its numbered headings, components' `id`s,
 * and its paper paragraphs and their sentences, numbered as rehype-paragraph-ids and
 * rehype-sentence-ids number them (top-level paragraphs after a section, one sentence per line).
 */
export function idsInContent(text: string): { id: string; section?: string }[] {
  const { frontmatter, tree } = parseMdxSource(text);
  const ids: { id: string; section?: string }[] = [];
  const opening: unknown = frontmatter['section'];
  if (typeof opening === 'string') ids.push({ id: sectionAnchor(opening), section: opening });
  let section = typeof opening === 'string' ? opening : undefined;
  let paragraphs = 0;
  for (const node of tree.children) {
    const number = node.type === 'heading' ? NUMBERED_HEADING.exec(toString(node).trim())?.[1] : undefined;
    if (number) [section, paragraphs] = [number, 0];
    if (node.type !== 'paragraph' || !section || !node.position) continue;
    paragraphs += 1;
    const paragraph = paragraphAnchor(section, paragraphs);
    ids.push({ id: paragraph });
    for (let line = 1; line <= node.position.end.line - node.position.start.line + 1; line += 1) ids.push({ id: sentenceAnchor(paragraph, line) });
  }
  visit(tree, (node) => {
    if (node.type === 'heading') {
      const number = NUMBERED_HEADING.exec(toString(node).trim())?.[1];
      if (number) ids.push({ id: sectionAnchor(number), section: number });
    } else if (node.type === 'mdxJsxFlowElement') {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'id' && typeof attribute.value === 'string') {
          ids.push({ id: attribute.value });
        }
      }
    }
  });
  return ids;
}

/** `idsInContent`, with a parse error reported against its file and line. */
function idsIn(path: string, text: string): ReturnType<typeof idsInContent> {
  try {
    return idsInContent(text);
  } catch (error) {
    const { message } = error as { message: string };
    // micromark's MDX errors carry their place only in the message: "… (5:1-5:21)".
    const [, line, column] = /\((\d+):(\d+)(?:-\d+:\d+)?\)$/.exec(message) ?? [];
    const where = line ? `:${line}:${column}` : '';
    throw new Error(`${relative(process.cwd(), path)}${where}: ${message}`, { cause: error });
  }
}

/**
 * Collects every cross-reference target of content/ before rendering (collect, then resolve).
 * Throws when one language defines an id twice, naming both files.
 * @param contentDir the absolute path of content/
 */
export async function collectXrefTargets(contentDir: string): Promise<XrefTargets> {
  const targets = {} as Record<Lang, Map<string, XrefTarget & { file: string }>>;
  for (const lang of LANGS) {
    const langDir = join(contentDir, lang);
    const files = await mdxFiles(langDir);
    const map = new Map<string, XrefTarget & { file: string }>();
    for (const file of files) {
      const path = join(langDir, file);
      for (const { id, section } of idsIn(path, await readFile(path, 'utf8'))) {
        const previous = map.get(id);
        if (previous) {
          throw new Error(`[${RuleId.duplicateId}] The id \`${id}\` is defined twice: in ${previous.file} and in ${relative(process.cwd(), path)}`);
        }
        map.set(id, { slug: slugFromContentFile(file), label: xrefLabel(id, section, lang), file: relative(process.cwd(), path) });
      }
    }
    targets[lang] = map;
  }
  return targets;
}
