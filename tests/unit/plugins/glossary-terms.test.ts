import { describe, expect, test } from 'vitest';
import { renderMarkdown } from './render';

describe('rehype-glossary-terms', () => {
  test('a concept annotation links to its glossary entry, described by its definition (zh)', async () => {
    const { code, metadata } = await renderMarkdown('[价值共创](term:value-co-creation)研究。');
    expect(code).toContain(
      '<a href="/zh/glossary/#term-value-co-creation" class="term" data-term="value-co-creation" aria-describedby="preview-term-value-co-creation">价值共创</a>',
    );
    expect(metadata.frontmatter['anchors']).toMatchObject({ terms: [{ term: 'value-co-creation', anchor: 's2-p1' }] });
    await expect(code).toMatchFileSnapshot('./snapshots/glossary-term-zh.html');
  });

  test('the English page links to the English glossary', async () => {
    const { code } = await renderMarkdown('[new retail](term:new-retail) model', { lang: 'en' });
    expect(code).toContain('href="/en/glossary/#term-new-retail"');
  });

  test('ordinary links are left alone', async () => {
    const { code } = await renderMarkdown('[CC BY](https://creativecommons.org/licenses/by/4.0/)', { lang: 'en' });
    expect(code).toBe(
      '<p id="s2-p1" class="para" data-pagefind-title="§2 ¶1"><span id="s2-p1-s1" class="sentence"><a href="https://creativecommons.org/licenses/by/4.0/">CC BY</a></span></p>',
    );
  });

  test('an unknown concept id fails the build with the file and the id', async () => {
    await expect(renderMarkdown('[云计算](term:cloud-computing)')).rejects.toThrow(
      /literature-review\.mdx:1:1.*Unknown glossary term `cloud-computing`/s,
    );
  });
});
