/**
 * An `is:inline` script as a page carries it: without its whole-line `//` comments and blank
 * lines. Every page carries these scripts in its first view, whose budget is 20 KB; their
 * comments stay in the source file for the reader of the code.
 */
export function inlineScript(source: string): string {
  return source
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('//'))
    .join('\n');
}
