/*
 * The shape of content/references.bib, checked line by line before citation-js parses it:
 * citation-js reports a missing brace at the next entry and a duplicate key without a line, and
 * an editor needs the entry and the line.
 */

/** A citation key: ASCII letters, digits, "_" and "-" (what `[@key]` in content may cite). */
const CITATION_KEY = /^[\w-]+$/;

/**
 * Problems of a .bib file's structure: an entry whose braces do not close before the next entry
 * (or the end), a key that is not ASCII, a key used twice. Each names the file and the line.
 */
export function bibtexProblems(bibtex: string, file: string): string[] {
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  const lines = bibtex.split('\n');
  let open: { key: string; line: number } | undefined;
  let depth = 0;
  lines.forEach((text, index) => {
    const line = index + 1;
    const entry = /^\s*@(\w+)\s*\{\s*([^,\s]*)\s*,/.exec(text);
    if (entry) {
      if (open && depth > 0)
        problems.push(`${file}:${open.line}: the entry \`${open.key}\` is not closed: a “}” is missing before line ${line}`);
      const key = entry[2] ?? '';
      open = { key, line };
      depth = 0;
      if (!CITATION_KEY.test(key)) {
        problems.push(
          `${file}:${line}: the citation key \`${key}\` is not supported: keys are ASCII letters, digits, _ and - (e.g. jin2024)`,
        );
      }
      const first = firstLine.get(key);
      if (first !== undefined) problems.push(`${file}:${line}: the citation key \`${key}\` is used twice (first at line ${first})`);
      else firstLine.set(key, line);
    }
    for (let offset = 0; offset < text.length; offset += 1) {
      if (text[offset - 1] === '\\') continue;
      if (text[offset] === '{') depth += 1;
      if (text[offset] === '}') depth -= 1;
    }
  });
  if (open && depth > 0)
    problems.push(`${file}:${open.line}: the entry \`${open.key}\` is not closed: a “}” is missing at the end of the file`);
  return problems;
}
