import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, inject, test } from 'vitest';
import { buildEnv } from './browser';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = 'dist-repro';

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

afterAll(() => {
  rmSync(join(root, outDir), { recursive: true, force: true });
});

test('two clean builds of the same commit are byte-identical', () => {
  // The suite's own build is the first; the second starts without Astro's cache, with the same settings.
  rmSync(join(root, '.astro'), { recursive: true, force: true });
  execFileSync('npm', ['run', 'build', '--silent', '--', '--outDir', outDir], {
    cwd: root,
    env: { ...buildEnv(), ...inject('buildSettings') },
    stdio: 'ignore',
  });
  const first = fingerprint(inject('distDir'));
  expect(Object.keys(first).length).toBeGreaterThan(100);
  expect(fingerprint(join(root, outDir))).toEqual(first);
}, 180_000);
