import { describe, expect, test } from 'vitest';
import { markForeignHtml, markForeignPlain } from '../../../src/lib/translation/foreign-text';
import { renderMarkdown } from './render';

describe('rehype-foreign-lang', () => {
  test('Chinese quoted in an English file is marked zh-CN', async () => {
    const { code } = await renderMarkdown('The original reads “指导产品开发和 service 改进” here.', { lang: 'en', frontmatter: {} });
    expect(code).toContain('The original reads “<span lang="zh-CN">指导产品开发和</span> service <span lang="zh-CN">改进”</span> here.');
  });

  test('an English phrase in a Chinese file is marked en; single Latin words stay Chinese prose', async () => {
    const { code } = await renderMarkdown('英译作 Xiaomi Home stores，不同于 IoT 业务和 MIUI。', { frontmatter: {} });
    expect(code).toContain('英译作 <span lang="en">Xiaomi Home stores</span>，不同于 IoT 业务和 MIUI。');
  });

  test('an English parenthesis after an English phrase is part of it: one language, one font', async () => {
    const { code } = await renderMarkdown('英文作 value co-creation (mechanism)。', { frontmatter: {} });
    expect(code).toContain('英文作 <span lang="en">value co-creation (mechanism)</span>。');
  });

  test('code and math are left alone', async () => {
    const { code } = await renderMarkdown('See `代码` and $\\text{价值}$.', { lang: 'en', frontmatter: {} });
    expect(code).toContain('<code>代码</code>');
    expect(code).not.toMatch(/<span lang="zh-CN">价值/);
  });
});

describe('the same marking outside content: formatted references, glossary definitions', () => {
  test('plain text comes back as escaped HTML with the other language marked', () => {
    expect(markForeignPlain('Fans, “发烧友” in the paper, & <others>', 'en')).toBe(
      'Fans, “<span lang="zh-CN">发烧友”</span> in the paper, &#38; &lt;others>',
    );
    expect(markForeignPlain('物联网（Internet of Things）', 'zh')).toBe('物联网（<span lang="en">Internet of Things</span>）');
  });

  test('an HTML fragment keeps its markup, and text already in a lang is left alone', () => {
    expect(markForeignHtml('<i>外国经济与管理</i>, <span lang="zh-CN">杨俊</span>', 'en')).toBe(
      '<i><span lang="zh-CN">外国经济与管理</span></i>, <span lang="zh-CN">杨俊</span>',
    );
  });
});
