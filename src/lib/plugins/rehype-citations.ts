import type { Element, Root } from 'hast';
import { findAndReplace, type RegExpMatchObject } from 'hast-util-find-and-replace';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { referenceAnchor, referencePreviewId } from '../anchors/ids';
import { pageUrl } from '../site/urls';
import { contentLang } from './content-lang';
import { failAt, placed, RuleId } from '../content/rule-ids';

/** Options of `rehypeCitations`. */
export interface Options {
  /** Each citation key's reference number, in the paper's global order. */
  numbers: ReadonlyMap<string, number>;
  /** The site's base path, for the links. */
  base: string;
}

const source = 'rehype-citations';

/**
 * A Pandoc-style citation: "[@key]" or a group "[@key1; @key2]", with the space before it.
 * Group 1 is that space (if any), group 2 the inside of the brackets: one or more "@key",
 * separated by ";" and optional spaces. Keys are ASCII letters, digits, "_" and "-".
 */
const CITATION = /(\s?)\[(@[\w-]+(?:\s*;\s*@[\w-]+)*)\]/g;

/**
 * Turns `[@key]` into a link to the reference, numbered as in the paper (the numbering is
 * global, from the bibliography's order, never per page), in a `.cite-group` with the space
 * before it and the rest of its group: a reader who hides the citation markers hides the space
 * too ("needs." rather than "needs ."). Links and code are left alone. An unknown key fails
 * the build with file, line and key.
 */
export function citationsTransform(tree: Root, file: VFile, options: Options): void {
  const lang = contentLang(file, source);
  const { numbers, base } = options;

  findAndReplace(
    tree,
    [
      CITATION,
      (_match: string, space: string, inside: string, match: RegExpMatchObject) => {
        const keys = inside.split(';').map((key) => key.trim().slice(1));
        const links = keys.map((key): Element => {
          const number = numbers.get(key);
          if (number === undefined) {
            failAt(
              file,
              `Unknown citation key \`${key}\` (not in content/references.bib)`,
              placed(match.stack),
              RuleId.unknownCitationKey,
              source,
            );
          }
          return h(
            'a',
            {
              href: pageUrl(base, lang, 'references', referenceAnchor(number)),
              className: ['cite'],
              dataRef: number,
              ariaDescribedBy: referencePreviewId(number),
            },
            `[${number}]`,
          );
        });
        const spaced = links.flatMap((link, index) => {
          const before = index === 0 ? space : ' ';
          return before ? [{ type: 'text' as const, value: before }, link] : [link];
        });
        return h('span', { className: ['cite-group'] }, spaced);
      },
    ],
    { ignore: ['a', 'code', 'pre', 'script', 'style', 'math', 'svg'] },
  );
}

/**
 * rehype plugin: ` [@vargo2004]` → `<span class="cite-group"> <a class="cite" href="/zh/references/#ref-1">[1]</a></span>`.
 * @example
 *   「…服务主导逻辑 [@vargo2004]」 → 「…服务主导逻辑<span class="cite-group"> <a class="cite" href="/zh/references/#ref-1" …>[1]</a></span>」
 */
export default function rehypeCitations(options: Options) {
  return (tree: Root, file: VFile) => citationsTransform(tree, file, options);
}
