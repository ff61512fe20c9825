import { describe, expect, test } from 'vitest';
import { alignmentProblems, type PageVersion } from '../../../src/lib/content/alignment';
import { renderMarkdown } from './render';

describe('sentence ids', () => {
  test('each line of a Chinese paragraph is a sentence with its contract id, joined without a space', async () => {
    const { code } = await renderMarkdown('价值共创研究很多[@vargo2004]。\n它们基于两种逻辑！\n第三句', {
      frontmatter: { section: '2.1' },
    });
    expect(code).toContain(
      '<span id="s2-1-p1-s1" class="sentence">价值共创研究很多<span class="cite-group"><a href="/zh/references/#ref-1" class="cite" data-ref="1" aria-describedby="preview-ref-1">[1]</a></span>。</span><span id="s2-1-p1-s2" class="sentence">它们基于两种逻辑！</span><span id="s2-1-p1-s3" class="sentence">第三句</span>',
    );
  });

  test('an English line may hold two sentences and keeps its id; lines are joined by a space', async () => {
    const { code } = await renderMarkdown('One. And a second, for the same Chinese sentence.\nTwo.', {
      lang: 'en',
      frontmatter: { section: '3' },
    });
    expect(code).toContain(
      '<span id="s3-p1-s1" class="sentence">One. And a second, for the same Chinese sentence.</span> <span id="s3-p1-s2" class="sentence">Two.</span>',
    );
  });

  test('headings and text inside notes take no sentence id', async () => {
    const { code } = await renderMarkdown('## 2.1. 标题\n\n正文。', { frontmatter: { section: '2' } });
    expect(code).not.toContain('s2-1-s1');
    expect(code).toContain('id="s2-1-p1-s1"');
  });

  test('a Chinese line holding two sentences fails with the file and the line', async () => {
    await expect(renderMarkdown('正文。\n第一句。第二句。', { frontmatter: { section: '2' } })).rejects.toMatchObject({
      ruleId: 'sentence-boundary',
      source: 'rehype-sentence-ids',
      reason: expect.stringMatching(/literature-review\.mdx:2:1: Line 2 of paragraph s2-p1 is not one Chinese sentence/) as unknown,
    });
  });

  test('a Chinese line that stops before the paragraph ends without 。！？ is not a sentence', async () => {
    await expect(renderMarkdown('小米公司，\n成立于 2010 年。', { frontmatter: { section: '2' } })).rejects.toMatchObject({
      ruleId: 'sentence-boundary',
      reason: expect.stringMatching(/literature-review\.mdx:1:1: Line 1 of paragraph s2-p1 is not one Chinese sentence/) as unknown,
    });
  });
});

describe('sentence alignment', () => {
  const version = (file: string, sentences: string[]): PageVersion => ({
    file,
    section: '2',
    part: 'literature-review',
    anchors: {
      headings: [],
      paragraphs: ['s2-p1', 's2-p2'],
      sentences,
      lines: { 's2-p1': 6, 's2-p2': 8 },
      citations: [],
      terms: [],
      levels: {},
      numbers: {},
      bare: [],
    },
  });

  test('the same sentences in each paragraph align', () => {
    const ids = ['s2-p1-s1', 's2-p1-s2', 's2-p2-s1'];
    expect(alignmentProblems(version('zh.mdx', ids), version('en.mdx', ids))).toEqual([]);
  });

  test('a paragraph with another number of sentences fails, naming both files and lines', () => {
    const problems = alignmentProblems(
      version('zh.mdx', ['s2-p1-s1', 's2-p1-s2', 's2-p2-s1']),
      version('en.mdx', ['s2-p1-s1', 's2-p2-s1']),
    );
    expect(problems).toEqual([
      'zh.mdx:6 and en.mdx:6: paragraph s2-p1 has 2 sentences in Chinese and 1 in English (one sentence per line, the same count in both)',
    ]);
  });
});
