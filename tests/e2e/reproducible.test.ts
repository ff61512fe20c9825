import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, inject, test } from 'vitest';
import { buildEnv } from './browser';
import { projectCopy } from './project-copy';

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

let removeCopy: (() => void) | undefined;
afterAll(() => removeCopy?.());

test('two clean builds of the same commit are byte-identical, wherever they are built', () => {
  // The suite's own build is the first; the second is a clean build of a copy in another folder
  // (no Astro cache, another absolute path), with the same settings.
  const copy = projectCopy('reproducible-');
  removeCopy = copy.remove;
  const build = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: copy.dir,
    env: { ...buildEnv(), ...inject('buildSettings') },
    encoding: 'utf8',
  });
  expect(build.status).toBe(0);
  // A good build says nothing an editor should act on: the head-inject directive warnings
  // (one per MDX page) are filtered at their source, in astro.config.mjs.
  expect(`${build.stdout}${build.stderr}`).not.toMatch(/MODULE_LEVEL_DIRECTIVE|\[WARN\] \[vite\]/);
  const first = fingerprint(inject('distDir'));
  expect(Object.keys(first).length).toBeGreaterThan(100);
  expect(fingerprint(join(copy.dir, 'dist'))).toEqual(first);
}, 180_000);
