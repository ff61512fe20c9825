import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { isParagraphAnchor } from '../anchors/ids';

/** What a paragraph's link to its other-language version says and where it leads. */
export interface OtherLanguageLink {
  /** `<html lang>` of the other language, e.g. "zh-CN". */
  hreflang: string;
  /** The other language's name in that language ("中文", "English"), the link's visible text. */
  text: string;
  /** The paragraph on the other language's page, e.g. "/zh/introduction/#s1-p1". */
  href: (paragraphId: string) => string;
  /** Said after the visible text to screen readers, in the page's language: which paragraph. */
  place: (paragraphId: string) => string;
}

/**
 * Ends every paper paragraph of a rendered section with a small link to the same paragraph on the
 * other language's page. That is the control without JavaScript; with it, the page's script shows
 * the other language in place instead (class `other-lang`). Search leaves the link out.
 * `<p id="s1-p1">…</p>` → `<p id="s1-p1">…<a class="other-lang" href="/zh/introduction/#s1-p1" …>…</a></p>`
 */
export function withOtherLanguageLinks(html: string, link: OtherLanguageLink): string {
  const tree: Root = fromHtml(html, { fragment: true });
  for (const node of tree.children) {
    const id = node.type === 'element' && node.tagName === 'p' ? node.properties['id'] : undefined;
    if (typeof id !== 'string' || !isParagraphAnchor(id)) continue;
    const control: Element = {
      type: 'element',
      tagName: 'a',
      properties: { className: ['other-lang'], href: link.href(id), hrefLang: link.hreflang, dataPagefindIgnore: '' },
      children: [
        { type: 'element', tagName: 'span', properties: { lang: link.hreflang }, children: [{ type: 'text', value: link.text }] },
        {
          type: 'element',
          tagName: 'span',
          properties: { className: ['visually-hidden'] },
          children: [{ type: 'text', value: `, ${link.place(id)}` }],
        },
      ],
    };
    (node as Element).children.push(control);
  }
  return toHtml(tree);
}
