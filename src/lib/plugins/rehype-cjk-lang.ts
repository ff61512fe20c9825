import type { Element, Root } from 'hast';
import { findAndReplace } from 'hast-util-find-and-replace';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { HTML_LANG } from '../../i18n/utils';
import { contentLang } from './content-lang';

const source = 'rehype-cjk-lang';

/** Elements whose text is not prose: hast-util-find-and-replace's own defaults, and code. */
const IGNORED = ['math', 'annotation', 'script', 'style', 'svg', 'title', 'code', 'pre'];

/**
 * A run of Chinese text: Han characters with the CJK and full-width punctuation among and after
 * them ("为发烧而生", "“发烧友”" from its first character on).
 */
const CHINESE_RUN = /[\p{Script=Han}][\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’]*/gu;

/**
 * Marks Chinese quoted inside an English file with its language, so that browsers, screen readers
 * and search treat it as Chinese: `the original reads “指导产品开发”` →
 * `the original reads “<span lang="zh-CN">指导产品开发”</span>`. Chinese files are left alone.
 */
export function cjkLangTransform(tree: Root, file: VFile): void {
  if (contentLang(file, source) === 'zh') return;
  findAndReplace(tree, [CHINESE_RUN, (match: string) => h('span', { lang: HTML_LANG.zh }, match)], {
    ignore: (node: Element) => node.properties['lang'] !== undefined || IGNORED.includes(node.tagName),
  });
}

/** rehype plugin: see `cjkLangTransform`. */
export default function rehypeCjkLang() {
  return cjkLangTransform;
}
