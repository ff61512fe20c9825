import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { jobResult } from './background';

/** Every file of a build with the SHA-256 of its bytes. */
function fingerprint(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => statSync(join(dir, file)).isFile())
    .sort();
  return Object.fromEntries(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
}

test('two clean builds of the same commit are byte-identical, wherever they are built', async () => {
  // The suite's own build is the first; the second is a clean build of another copy of the project
  // (no Astro cache, another absolute path) with the same settings, made in the background.
  const second = await jobResult('reproducible');
  expect(second.status, second.stderr).toBe(0);
  // A good build says nothing an editor should act on: no warning at all. The head-inject
  // directive warnings (one per MDX page) are filtered at their source, and the CSP is written so
  // that Astro has nothing to warn about (both in astro.config.mjs).
  expect(`${second.stdout}${second.stderr}`).not.toMatch(/MODULE_LEVEL_DIRECTIVE|\[WARN\]/);
  const first = fingerprint(inject('distDir'));
  expect(Object.keys(first).length).toBeGreaterThan(100);
  expect(fingerprint(inject('backgroundDists').reproducible)).toEqual(first);
}, 300_000);
