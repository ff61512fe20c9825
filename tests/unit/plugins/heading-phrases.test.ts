import { describe, expect, test } from 'vitest';
import { chinesePhrases } from '../../../src/lib/content/phrases';
import { renderMarkdown } from './render';

describe('chinesePhrases', () => {
  test('cuts between words, never inside one, and loses nothing', () => {
    const title = '3.3. 价值共创理论下小米公司商业模式创新绩效与影响';
    expect(chinesePhrases(title)).toEqual(['3.3. 价值共创', '理论下', '小米', '公司', '商业', '模式', '创新', '绩效与', '影响']);
    expect(chinesePhrases(title).join('')).toBe(title);
  });

  test('punctuation stays with its word: a comma with the word before, a bracket with the word after', () => {
    expect(chinesePhrases('市场份额扩大，成长能力卓越')).toEqual(['市场', '份额', '扩大，', '成长', '能力', '卓越']);
    expect(chinesePhrases('本次修订（2026 年 11 月 27 日）')).toEqual(['本次', '修订', '（2026 年 11 月 27 日）']);
    expect(chinesePhrases('“发烧友”形象')).toEqual(['“发烧友”', '形象']);
  });
});

describe('rehype-heading-phrases', () => {
  test('a Chinese heading gets a <wbr> between its phrases; its paragraphs do not', async () => {
    const { code } = await renderMarkdown('## 2.2. 商业模式创新研究\n\n商业模式创新研究。');
    expect(code).toMatch(/<h2[^>]*>2\.2\. 商业<wbr>模式<wbr>创新<wbr>研究<\/h2>/);
    expect(code).toContain('>商业模式创新研究。</span></p>');
  });

  test('an English heading, and English inside a Chinese one, stay as they are', async () => {
    const english = await renderMarkdown('## 2.2. Business Model Innovation Research', { lang: 'en' });
    expect(english.code).not.toContain('<wbr');
    const mixed = await renderMarkdown('## 2.2. 小米之家 Xiaomi Home stores');
    expect(mixed.code).toContain('小米<wbr>之家 <span lang="en">Xiaomi Home stores</span>');
  });
});
