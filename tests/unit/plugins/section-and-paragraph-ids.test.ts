import { describe, expect, test } from 'vitest';
import type { Root } from 'hast';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { renderMarkdown, renderMdx } from './render';

const literatureReview = `## 2.1. 价值共创理论研究

第一段。

## 2.2. 商业模式创新研究

第二节第一段。

第二节第二段。
`;

describe('section and paragraph ids', () => {
  test('numbered headings take the contract id and paragraphs count from 1 after each', async () => {
    const { code } = await renderMarkdown(literatureReview);
    expect(code).toContain('<h2 id="s2-1" data-section="2.1">2.1. 价值共创<wbr>理论<wbr>研究</h2>');
    expect(code).toContain(
      '<p id="s2-1-p1" class="para" data-pagefind-title="2.1 节第 1 段"><span id="s2-1-p1-s1" class="sentence">第一段。</span></p>',
    );
    expect(code).toContain(
      '<p id="s2-2-p1" class="para" data-pagefind-title="2.2 节第 1 段"><span id="s2-2-p1-s1" class="sentence">第二节第一段。</span></p>',
    );
    expect(code).toContain(
      '<p id="s2-2-p2" class="para" data-pagefind-title="2.2 节第 2 段"><span id="s2-2-p2-s1" class="sentence">第二节第二段。</span></p>',
    );
    await expect(code).toMatchFileSnapshot('./snapshots/section-and-paragraph-ids.html');
  });

  test('paragraphs before any body heading belong to the section named in the frontmatter', async () => {
    const { code } = await renderMarkdown('First.\n\nSecond.', { lang: 'en', frontmatter: { section: '3.2.1' } });
    expect(code).toContain(
      '<p id="s3-2-1-p1" class="para" data-pagefind-title="§3.2.1 ¶1"><span id="s3-2-1-p1-s1" class="sentence">First.</span></p>',
    );
    expect(code).toContain(
      '<p id="s3-2-1-p2" class="para" data-pagefind-title="§3.2.1 ¶2"><span id="s3-2-1-p2-s1" class="sentence">Second.</span></p>',
    );
  });

  test('a page without a section number (about, front matter) numbers no paragraph', async () => {
    const { code } = await renderMarkdown('About this edition.', { lang: 'en', frontmatter: {} });
    expect(code).toBe('<p>About this edition.</p>');
  });

  test('unnumbered headings take the English page’s ids (heading-ids.test.ts) and do not restart the count', async () => {
    const headingIds = new Map([['literature-review', ['notes']]]);
    const { code } = await renderMarkdown('One.\n\n## Notes\n\nTwo.', {
      lang: 'en',
      frontmatter: { section: '4' },
      options: { headingIds },
    });
    expect(code).toContain('<h2 id="notes">Notes</h2>');
    expect(code).toContain('<p id="s4-p2" class="para" data-pagefind-title="§4 ¶2"><span id="s4-p2-s1" class="sentence">Two.</span></p>');
  });

  test('each paper paragraph is its own search sub-result, titled by its place in the page’s language', async () => {
    const zh = await renderMarkdown('第一段。', { lang: 'zh', frontmatter: { section: '3.2.1' } });
    expect(zh.code).toBe(
      '<p id="s3-2-1-p1" class="para" data-pagefind-title="3.2.1 节第 1 段"><span id="s3-2-1-p1-s1" class="sentence">第一段。</span></p>',
    );
    const en = await renderMarkdown('## 3.3.1. Growth\n\nOne.', { lang: 'en', frontmatter: { section: '3.3' } });
    expect(en.code).toContain(
      '<p id="s3-3-1-p1" class="para" data-pagefind-title="§3.3.1 ¶1"><span id="s3-3-1-p1-s1" class="sentence">One.</span></p>',
    );
    // A heading is already a sub-result through its id; only paragraphs need a title.
    expect(en.code).toContain('<h2 id="s3-3-1" data-section="3.3.1">');
  });

  test('the page’s anchors are collected for the pages that list them', async () => {
    const { metadata } = await renderMarkdown(literatureReview);
    expect(metadata.frontmatter['anchors']).toMatchObject({
      headings: ['s2-1', 's2-2'],
      paragraphs: ['s2-1-p1', 's2-2-p1', 's2-2-p2'],
    });
    const texts = (metadata.frontmatter['anchors'] as { texts: Record<string, string> }).texts;
    expect(texts).toEqual({ 's2-1-p1': '第一段。', 's2-2-p1': '第二节第一段。', 's2-2-p2': '第二节第二段。' });
  });

  test('the site’s notes take ids of their own form, by section, and leave the paragraphs’ count alone', async () => {
    const mdx = [
      'Opening.',
      '<Note kind="editor">\nOn the opening.\n</Note>',
      '## 3.1. Overview',
      'First.',
      '<Note kind="translator">\nOne.\n</Note>',
      'Second.',
      '<Note kind="translator">\nTwo.\n</Note>',
    ].join('\n\n');
    const { tree } = await renderMdx(mdx, { lang: 'en', frontmatter: { section: '3' } });
    expect(notesOf(tree)).toEqual([
      { kind: 'editor', id: 's3-note-1' },
      { kind: 'translator', id: 's3-1-note-1' },
      { kind: 'translator', id: 's3-1-note-2' },
    ]);
    // The paper's paragraphs (the notes' own are inside them) count on as if the notes were not there.
    const paragraphs = tree.children.flatMap((node) => (node.type === 'element' && node.tagName === 'p' ? [node.properties['id']] : []));
    expect(paragraphs).toEqual(['s3-p1', 's3-1-p1', 's3-1-p2']);
  });

  test('notes on a page without a section number take no id', async () => {
    const { tree } = await renderMdx('Text.\n\n<Note kind="editor">\nA note.\n</Note>', { lang: 'en', frontmatter: {} });
    expect(notesOf(tree)).toEqual([{ kind: 'editor', id: undefined }]);
  });
});

/** Each `<Note>` of a rendered tree: its kind and the id the pipeline gave it. */
function notesOf(tree: Root) {
  const notes: { kind: unknown; id: unknown }[] = [];
  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElementHast) => {
    if (node.name !== 'Note') return;
    const attribute = (name: string) => node.attributes.find((entry) => entry.type === 'mdxJsxAttribute' && entry.name === name)?.value;
    notes.push({ kind: attribute('kind'), id: attribute('id') });
  });
  return notes;
}
