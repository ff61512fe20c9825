import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';

const require = createRequire(import.meta.url);

/** The version of `katex` that a module resolves, from where that module lives. */
function katexVersionFrom(module: string): string {
  const from = createRequire(require.resolve(module));
  return (JSON.parse(readFileSync(from.resolve('katex/package.json'), 'utf8')) as { version: string }).version;
}

describe('KaTeX', () => {
  test('the markup (rehype-katex, remark-math) and the stylesheet the pages link come from one version', () => {
    // MathStyles.astro links katex/dist/katex.min.css as the site resolves it; a markup of another
    // version would be drawn with the wrong metrics. package.json overrides katex to keep them one.
    const stylesheet = katexVersionFrom('./katex-version.test.ts');
    expect(katexVersionFrom('rehype-katex')).toBe(stylesheet);
    expect(katexVersionFrom('micromark-extension-math')).toBe(stylesheet);
  });
});
