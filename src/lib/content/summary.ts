/**
 * A plain-text summary of an MDX body for `<meta name="description">`: the first paragraph
 * of the paper's text, its annotations reduced to their words, cut at `max` characters.
 * @example summaryOf('[价值共创](term:value-co-creation)研究基于两种逻辑 [@vargo2004]。', 10) // '价值共创研究基于两种…'
 */
export function summaryOf(body: string, max = 160): string {
  const paragraph =
    body
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .find((block) => block && !/^(#|<|import |export )/.test(block)) ?? '';
  const text = paragraph
    .replace(/\s*\[@[^\]]*\]/g, '') // citations
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links, concepts and cross-references keep their words
    .replace(/\\\)/g, ')')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
