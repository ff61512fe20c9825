// npm run build [-- astro build flags]: builds the site so that readers only ever get a whole site.
// Astro builds into a staging folder of this run's own (src/integrations/staged-output.ts), the
// steps below run on it, and only then is it swapped in for the output folder (scripts/atomic-build.ts).
// A failed, stopped or killed build leaves the published site as it was.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteEnvProblems } from '../src/lib/site/env.ts';
import { atomicBuild, wholeSite, type BuildStep } from './atomic-build.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

/** What runs on the finished build (Astro's integrations, Pagefind included, have run), in order; the whole-site check last. */
const STEPS: BuildStep[] = [wholeSite(join(root, 'content'))];

const problems = siteEnvProblems(process.env);
if (problems.length) {
  console.error(`${problems.join('\n')}\nNothing was built.`);
  process.exit(1);
}
process.exitCode = await atomicBuild({
  root,
  command: [process.execPath, astro, 'build', ...process.argv.slice(2)],
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  steps: STEPS,
});
