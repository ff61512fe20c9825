// Runs scripts/atomic-build.ts in the folder given, with the stand-in builder and the whole-site
// check, as scripts/build.ts runs it with Astro: node driver.ts <project folder> <mode> [builder args].
import { join } from 'node:path';
import { atomicBuild, wholeSite } from '../../../scripts/atomic-build.ts';

const [root = '.', ...builderArgs] = process.argv.slice(2);
process.exitCode = await atomicBuild({
  root,
  command: [process.execPath, join(import.meta.dirname, 'stand-in-builder.ts'), ...builderArgs],
  steps: [wholeSite(join(root, 'content'))],
});
