import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { UTILITY_SLUGS } from '../../src/lib/site/whole-site';
import { ALL_SLUGS, OTHER_SLUGS, PARAGRAPH_COUNTS } from '../fixtures/contract';

const contract = readFileSync(new URL('../../docs/contract.md', import.meta.url), 'utf8');

/** The rows of the Markdown table that follows a heading of docs/contract.md, as cells. */
function tableAfter(heading: string, nth = 0): string[][] {
  const section = contract.split(/^## /m).find((part) => part.startsWith(heading)) ?? '';
  const tables = section.split(/\n\s*\n/).filter((block) => block.trim().startsWith('|'));
  return (tables[nth] ?? '')
    .trim()
    .split('\n')
    .slice(2)
    .map((row) =>
      row
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe('the test fixtures follow docs/contract.md', () => {
  test('the same pages', () => {
    const paths = [...tableAfter('Pages'), ...tableAfter('Downloads and offline reading')].map(([path]) => path?.replaceAll('`', '') ?? '');
    const slugs = paths
      .filter((path) => path.startsWith('/{lang}/') && !path.includes('{section}'))
      .map((path) => path.slice('/{lang}/'.length).replace(/\/$/, ''));
    const sections = slugs.filter((slug) => !(OTHER_SLUGS as readonly string[]).includes(slug));
    expect(new Set(ALL_SLUGS)).toEqual(new Set([...slugs, ...sections.map((slug) => `${slug}/parallel`)]));
  });

  test("the site's utility pages are the contract's", () => {
    expect(new Set(['', ...UTILITY_SLUGS])).toEqual(new Set(OTHER_SLUGS));
  });

  test('the same paragraph counts', () => {
    const counts: Record<string, number> = {};
    for (const row of tableAfter('Anchors', 1)) {
      for (let i = 0; i + 1 < row.length; i += 2) {
        const [sections, count] = [row[i] ?? '', Number.parseInt(row[i + 1] ?? '', 10)]; // "1 each"
        for (const section of sections
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean))
          counts[section] = count;
      }
    }
    expect(counts).toEqual(PARAGRAPH_COUNTS);
  });
});
