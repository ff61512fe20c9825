import { describe, expect, test } from 'vitest';
import { renderMarkdown } from './render';

describe('rehype-cross-references', () => {
  test('an empty reference takes its label from the target, in Chinese', async () => {
    const { code } = await renderMarkdown('如下[](#fig-1)所示');
    expect(code).toContain('如下<a href="/zh/case-overview/#fig-1" class="xref">图 1</a>所示');
    await expect(code).toMatchFileSnapshot('./snapshots/xref-zh.html');
  });

  test('and in English', async () => {
    const { code } = await renderMarkdown('as shown in [](#fig-1) below', { lang: 'en' });
    expect(code).toContain('<a href="/en/case-overview/#fig-1" class="xref">Figure 1</a>');
  });

  test('a reference with its own words keeps them and goes to the target’s page', async () => {
    const { code } = await renderMarkdown('[the overview](#s3-1)', { lang: 'en' });
    expect(code).toContain('<a href="/en/case-overview/#s3-1" class="xref">the overview</a>');
  });

  test('a reference to an id that no page defines fails with the file and the id', async () => {
    await expect(renderMarkdown('see [](#fig-9)', { lang: 'en' })).rejects.toThrow(
      /literature-review\.mdx:1:5.*Cross-reference to `#fig-9`, which no page defines/s,
    );
  });
});
