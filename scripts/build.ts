// Builds the site into a staging folder and only then puts it in place, so a failed build
// (broken content) never leaves a half-written site where a good one was.
// Usage: node scripts/build.ts [--outDir dist] [other astro build flags]
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--outDir');
const outDirArg = at >= 0 ? args.splice(at, 2)[1] : 'dist';
if (outDirArg === undefined) throw new Error('--outDir needs a folder after it');
const outDir = resolve(outDirArg);
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;

rmSync(staging, { recursive: true, force: true });
const result = spawnSync('astro', ['build', '--outDir', staging, ...args], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: ${existsSync(outDir) ? `${outDir} is left as it was` : 'nothing was written'}.`);
  process.exit(result.status ?? 1);
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
