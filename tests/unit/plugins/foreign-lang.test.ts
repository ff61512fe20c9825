import { describe, expect, test } from 'vitest';
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
