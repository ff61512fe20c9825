import { describe, expect, test } from 'vitest';
import { VFile } from 'vfile';
import type { Root } from 'hast';
import { citationsTransform } from '../../../src/lib/plugins/rehype-citations';
import { renderMarkdown } from './render';

describe('rehype-citations', () => {
  test('a citation by key becomes a link numbered as in the paper, in Chinese', async () => {
    const { code } = await renderMarkdown('服务主导逻辑 [@vargo2004]。');
    // With the space before it, so that hiding the markers hides the space too.
    expect(code).toContain(
      '服务主导逻辑<span class="cite-group"> <a href="/zh/references/#ref-1" class="cite" data-ref="1" aria-describedby="preview-ref-1">[1]</a></span>。',
    );
    await expect(code).toMatchFileSnapshot('./snapshots/citation-zh.html');
  });

  test('numbers are global: the same key is [3] on any page, in English too', async () => {
    const { code } = await renderMarkdown('Networks [@hakanen2012].', {
      lang: 'en',
      file: 'conclusions.mdx',
      frontmatter: { section: '4' },
    });
    expect(code).toContain('<a href="/en/references/#ref-3" class="cite" data-ref="3" aria-describedby="preview-ref-3">[3]</a>');
  });

  test('a group stays together as “[2] [3]”', async () => {
    const { code } = await renderMarkdown('视角 [@vargo2008; @hakanen2012]。');
    expect(code).toMatch(/视角<span class="cite-group"> <a [^>]*#ref-2"[^>]*>\[2\]<\/a> <a [^>]*#ref-3"[^>]*>\[3\]<\/a><\/span>。/);
    await expect(code).toMatchFileSnapshot('./snapshots/citation-group.html');
  });

  test('links to the base path when the site lives under one', async () => {
    const { code } = await renderMarkdown('[@vargo2004]', { options: { base: '/courses/bm101/' } });
    expect(code).toContain('href="/courses/bm101/zh/references/#ref-1"');
  });

  test('code is left untouched', async () => {
    const { code } = await renderMarkdown('`[@vargo2004]` in code', { lang: 'en' });
    expect(code).toContain('<code>[@vargo2004]</code>');
    expect(code).not.toContain('class="cite"');
  });

  test('a citation inside a link is not made a link in a link; left as text, the build refuses it', async () => {
    await expect(renderMarkdown('[see [@vargo2004]](https://example.org)', { lang: 'en' })).rejects.toThrow(
      /literature-review\.mdx:1:\d+: `\[@vargo2004\]` is not a citation/,
    );
  });

  test('an unknown key fails with the file, the line and the key', async () => {
    await expect(renderMarkdown('第一行。\n\n第二行 [@nobody2020]。')).rejects.toThrow(
      /literature-review\.mdx:3:\d+.*Unknown citation key `nobody2020`/s,
    );
  });

  test('the failure is a message with rule id, source and place; options are optional', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'text', value: '[@vargo2004]', position: { start: { line: 7, column: 2 }, end: { line: 7, column: 14 } } }],
    };
    const file = new VFile({ path: '/site/content/en/introduction.mdx' });
    expect(() => citationsTransform(tree, file, { numbers: new Map(), base: '/' })).toThrow('Unknown citation key `vargo2004`');
    expect(file.messages[0]).toMatchObject({ ruleId: 'unknown-citation-key', source: 'rehype-citations', line: 7, column: 2, fatal: true });
  });
});
