import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { buildEnv } from './browser';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDirs = ['dist-repro-a', 'dist-repro-b'];

/** Every file of a build with the SHA-256 of its bytes. */
function fingerprint(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true }).map(String).filter((file) => statSync(join(dir, file)).isFile()).sort();
  return Object.fromEntries(files.map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
}

afterAll(() => {
  for (const dir of outDirs) rmSync(join(root, dir), { recursive: true, force: true });
});

test('two clean builds of the same commit are byte-identical', () => {
  for (const dir of outDirs) {
    rmSync(join(root, '.astro'), { recursive: true, force: true });
    execFileSync('npm', ['run', 'build', '--silent', '--', '--outDir', dir], { cwd: root, env: buildEnv(), stdio: 'ignore' });
  }
  const [first, second] = outDirs.map((dir) => fingerprint(join(root, dir)));
  expect(Object.keys(first!).length).toBeGreaterThan(100);
  expect(second).toEqual(first);
}, 180_000);
