import { describe, expect, test } from 'vitest';
import { renderMarkdown } from './render';

describe('math', () => {
  test('formulas are typeset at build time with MathML for screen readers', async () => {
    const { code } = await renderMarkdown('$$\n\\text{gross margin} = \\frac{R - C}{R}\n$$', { lang: 'en', frontmatter: {} });
    expect(code).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(code).toContain('<mfrac>');
    expect(code).toContain('class="katex-html"');
    expect(code).not.toContain('<script');
  });

  test('a display formula, which scrolls sideways on a narrow screen, takes keyboard focus; inline math does not', async () => {
    const { code } = await renderMarkdown('Inline $R$.\n\n$$\nR - C\n$$', { lang: 'en', frontmatter: {} });
    expect(code).toMatch(/<span class="katex-display" tabindex="0">/);
    expect(code.match(/tabindex/g)).toHaveLength(1);
  });
});
