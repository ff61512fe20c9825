import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const LEFT_OUT = new Set(['node_modules', '.git', '.astro', 'bench-results']);

/**
 * A copy of the project in a folder of its own (sharing node_modules), so that a test can build,
 * break content or clear caches while other test files use the suite's build at the same time.
 * @returns the copy's folder and a function that removes it
 */
export function projectCopy(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of readdirSync(root)) {
    if (!LEFT_OUT.has(entry) && !entry.startsWith('dist')) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
