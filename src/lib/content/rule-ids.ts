import { relative } from 'node:path';
import type { Node } from 'unist';
import type { VFile } from 'vfile';

/**
 * Rule ids of every problem the content pipeline and the whole-site checks report, in one place so that
 * messages, tests and docs agree (as mystmd's `ruleids.ts` does).
 */
export const RuleId = {
  unknownCitationKey: 'unknown-citation-key',
  unknownTerm: 'unknown-glossary-term',
  unknownCrossReference: 'unknown-cross-reference',
  duplicateId: 'duplicate-id',
  missingLanguage: 'missing-language',
  componentLang: 'component-lang',
  sentenceBoundary: 'sentence-boundary',
  notAllowed: 'not-allowed',
  unknownLink: 'unknown-link',
  leftoverSyntax: 'leftover-syntax',
  mathError: 'math-error',
  headingMismatch: 'heading-mismatch',
  uncitedReference: 'uncited-reference',
} as const;
export type RuleId = (typeof RuleId)[keyof typeof RuleId];

/**
 * Fails the build on a content error: throws a VFileMessage that names the file,
 * the line and column of `node`, the rule and the plugin:
 * "content/en/introduction.mdx:3:1: Unknown citation key `foo`".
 */
export function failAt(file: VFile, reason: string, node: Node | undefined, ruleId: RuleId, source: string): never {
  // The location goes into the text too: build tools print the message, not always its `place`.
  const start = node?.position?.start;
  const where = `${relative(process.cwd(), file.path || '(unknown file)')}${start ? `:${start.line}:${start.column}` : ''}`;
  return file.fail(`${where}: ${reason}`, { place: node?.position, ruleId, source });
}

/** The innermost of `nodes` (a node and its ancestors, outermost first) that has a place in the source. */
export function placed(nodes: readonly Node[]): Node | undefined {
  return nodes.findLast((node) => node.position !== undefined);
}
