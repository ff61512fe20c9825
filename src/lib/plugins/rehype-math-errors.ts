import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { failAt, placed, RuleId } from '../content/rule-ids';

const source = 'rehype-math-errors';

/**
 * rehype-katex draws math it cannot parse as red raw TeX and only records a message; this fails
 * the build instead, with the file, the line and KaTeX's own words. Runs after rehype-katex.
 */
function mathErrorsTransform(_tree: Root, file: VFile): void {
  const error = file.messages.find((message) => message.source === 'rehype-katex');
  if (!error) return;
  const cause = error.cause instanceof Error ? error.cause.message : error.reason;
  failAt(file, `Math that KaTeX cannot typeset: ${cause}`, placed(error.ancestors ?? []), RuleId.mathError, source);
}

/** rehype plugin: see `mathErrorsTransform`. */
export default function rehypeMathErrors() {
  return mathErrorsTransform;
}
