import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultIgnore, findAndReplace } from 'hast-util-find-and-replace';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { HTML_LANG, type Lang } from '../../i18n/utils';

/** Elements whose text is not prose: hast-util-find-and-replace's own defaults, and code. */
const IGNORED = [...defaultIgnore, 'code', 'pre'];

/**
 * What is foreign to text in each language. In English: a run of Chinese (Han characters with
 * the CJK and full-width punctuation among and after them). In Chinese: an English phrase of two
 * words or more ("Xiaomi Home stores"), with an English parenthesis that follows it ("value
 * co-creation (mechanism)"); single Latin words such as IoT or MIUI are part of Chinese prose and
 * stay unmarked.
 */
const FOREIGN: Record<Lang, RegExp> = {
  en: /\p{Script=Han}[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’]*/gu,
  zh: /[A-Za-z][A-Za-z'’.-]*(?:[ ,]+[A-Za-z][A-Za-z'’.-]*)+(?: \([A-Za-z][A-Za-z'’. -]*\))?/g,
};

/**
 * Marks the other language's text inside `lang` text with its `lang`, so that browsers, screen
 * readers and search treat it as what it is (text already inside an element with a `lang` is left alone):
 * in English, `the original reads “指导产品开发”` → `the original reads “<span lang="zh-CN">指导产品开发”</span>`;
 * in Chinese, `英译作 Xiaomi Home stores` → `英译作 <span lang="en">Xiaomi Home stores</span>`.
 */
export function markForeignText(tree: Root | Element, lang: Lang): void {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  findAndReplace(tree, [FOREIGN[lang], (match: string) => h('span', { lang: HTML_LANG[other] }, match)], {
    ignore: (node: Element) => node.properties['lang'] !== undefined || IGNORED.includes(node.tagName),
  });
}

/** `markForeignText` on an HTML fragment, such as a formatted reference. */
export function markForeignHtml(html: string, lang: Lang): string {
  return marked(fromHtml(html, { fragment: true }), lang);
}

/** `markForeignText` on plain text, such as a glossary definition: its HTML, escaped. */
export function markForeignPlain(text: string, lang: Lang): string {
  return marked({ type: 'root', children: [{ type: 'text', value: text }] }, lang);
}

function marked(tree: Root, lang: Lang): string {
  markForeignText(tree, lang);
  return toHtml(tree, { characterReferences: { useShortestReferences: true } });
}
