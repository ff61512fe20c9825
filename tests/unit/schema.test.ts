import { describe, expect, test } from 'vitest';
import { pageSchema } from '../../src/lib/content/schema';
import { parseGlossary } from '../../src/lib/glossary/concepts';

describe('the content schema', () => {
  test('accepts a section page and the front matter page', () => {
    expect(pageSchema.safeParse({ section: '3.2.1', title: '价值共同主张', part: 'mechanisms' }).success).toBe(true);
    expect(pageSchema.safeParse({ title: 'T', part: 'front', abstract: 'A', keywords: ['k'] }).success).toBe(true);
  });

  test.each([
    [{ title: '引言', part: 'introduction' }, 'a section page needs `section`'],
    [{ section: '3.2.1', part: 'mechanisms' }, 'title'],
    [{ section: '3-2', title: 'x', part: 'mechanisms' }, 'section must be a paper section number'],
    [{ section: '1', title: 'x', part: 'chapter' }, 'part'],
    [{ title: 'T', part: 'front' }, 'needs `abstract` and `keywords`'],
  ])('rejects %j with a message that names the problem', (data, message) => {
    const result = pageSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});

describe('the glossary schema', () => {
  const concept = {
    id: 'value-co-creation',
    zh: '价值共创',
    en: 'value co-creation',
    definition: { zh: '释义', en: 'Definition' },
    related: [],
  };

  test('fills aliases and related with empty lists', () => {
    expect(parseGlossary([concept])[0]).toMatchObject({ aliases: { zh: [], en: [] }, related: [] });
  });

  test('rejects a duplicate id, an unknown related id and a malformed id', () => {
    expect(() => parseGlossary([concept, concept])).toThrow('defined twice');
    expect(() => parseGlossary([{ ...concept, related: ['nothing'] }])).toThrow('relates to `nothing`');
    expect(() => parseGlossary([{ ...concept, id: 'Value Co-Creation' }])).toThrow('lowercase ASCII');
  });
});
