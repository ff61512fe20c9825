import { describe, expect, test } from 'vitest';
import { unnumberedHeadingIds } from '../../../src/lib/content/heading-ids';
import { renderMarkdown } from './render';

// The fixture's English about page has two headings without a number: see render.ts.
const about = (lang: 'zh' | 'en', markdown: string) => renderMarkdown(markdown, { lang, file: 'about.mdx', frontmatter: {} });

describe('the ids of headings without a number', () => {
  test('are the English page’s, in either language, so that an anchor lands in the same place in both', async () => {
    const zh = await about('zh', '### 译文如何产生\n\n正文。\n\n### 体例\n\n正文。');
    expect(zh.code).toContain('<h3 id="how-the-translation-was-made">译文<wbr>如何<wbr>产生</h3>');
    expect(zh.code).toContain('<h3 id="conventions">体例</h3>');
    const en = await about('en', '### How the translation was made\n\nText.\n\n### Conventions\n\nText.');
    expect(en.code).toContain('<h3 id="how-the-translation-was-made">How the translation was made</h3>');
  });

  test('leave the paper’s numbered headings their section ids', async () => {
    const { code } = await renderMarkdown('## 2.1. 价值共创理论研究\n\n第一段。');
    expect(code).toContain('<h2 id="s2-1" data-section="2.1">');
  });

  test('fail the page, naming both files, when the languages have different headings', async () => {
    await expect(about('zh', '### 译文如何产生\n\n### 体例\n\n### 多出来的标题')).rejects.toThrow(
      /content\/zh\/about\.mdx:5:1: 3 headings without a number here, 2 in content\/en\/about\.mdx/,
    );
  });

  test('come from each heading’s text as Astro makes them, numbered headings and frontmatter left out', () => {
    const mdx =
      '---\ntitle: About\n---\n\n## 2.1. A section\n\n### Notes and *other* additions\n\n### Revision of 2026-11-27\n\n### Notes and other additions\n';
    expect(unnumberedHeadingIds(mdx)).toEqual(['notes-and-other-additions', 'revision-of-2026-11-27', 'notes-and-other-additions-1']);
  });
});
