// A stand-in for `astro build` in tests of scripts/atomic-build.ts: it reports and writes its
// output as src/integrations/staged-output.ts makes Astro do, in seconds instead of a minute.
// Usage: node stand-in-builder.ts <mode> [--outDir <folder>]; modes: whole, partial, fail, slow.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { exitWithParent, STAGING_ENV, stagingDir } from '../../../src/integrations/staged-output.ts';
import { wholeSiteFiles } from '../../../src/lib/site/whole-site.ts';

const [mode = 'whole', ...args] = process.argv.slice(2);
const outDir = resolve(args[args.indexOf('--outDir') + 1] ?? 'dist');
const staging = stagingDir(outDir, process.env[STAGING_ENV.runId] ?? 'none');
exitWithParent(Number(process.env[STAGING_ENV.parent]));
writeFileSync(process.env[STAGING_ENV.report] ?? 'report.json', JSON.stringify({ outDir, staging }));
writeFileSync(`${process.cwd()}/builder.pid`, String(process.pid));

const files = wholeSiteFiles(join(process.cwd(), 'content'));
for (const [index, file] of (mode === 'partial' ? files.slice(0, 3) : files).entries()) {
  mkdirSync(dirname(join(staging, file)), { recursive: true });
  writeFileSync(join(staging, file), `new ${file}`);
  // Half-way, 'slow' waits until the test writes `release` (or stops it): a test can interrupt it,
  // or start a second build beside it, however long that takes on a loaded machine.
  for (let waited = 0; mode === 'slow' && index === 0 && !existsSync('release') && waited < 60_000; waited += 50) await sleep(50);
  if (mode === 'fail' && index === 2) {
    console.error('content/en/intro.mdx:3:1: a stand-in error');
    process.exit(2);
  }
}
// Tests that stop the build check it never got here.
writeFileSync(`${process.cwd()}/builder.done`, '');
