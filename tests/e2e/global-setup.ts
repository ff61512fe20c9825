import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/static-server';
import { EDITIONS } from '../../src/lib/downloads/book';
import { COURSE_SITE, startJob } from './background';
import { buildEnv } from './browser';
import { projectCopy } from './project-copy';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CANONICAL_BASE = 'https://reading.example.org/';
/**
 * The base-path build prints no PDFs (as a build without Chromium does): they cost half a minute
 * of CPU, and the suite's own build and the reproducible one check them.
 */
const NO_CHROMIUM = '/nonexistent/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The origin and base of the built site served on 127.0.0.1, e.g. "http://127.0.0.1:4567/". */
    siteUrl: string;
    /** The built site's directory. */
    distDir: string;
    /** The origin the build was told (SITE_URL) for canonical and alternate links. */
    canonicalBase: string;
    /** Where the background jobs (./background.ts) write their results. */
    jobsDir: string;
    /** The dist/ of each background build, by job name. */
    backgroundDists: { reproducible: string; basePath: string };
  }
}

/**
 * Builds the site once (as `npm run build` does, search index included) and serves it on
 * 127.0.0.1 for every end-to-end test file, and starts in the background, at a lower priority,
 * the slow jobs that a single test file needs: a second clean build with the same settings
 * (reproducible.test.ts), a build under a course site's base path (base-path.test.ts), and the
 * Nu HTML Checker and EPUBCheck over the suite's build (nu-html.test.ts, downloads.test.ts).
 *
 * The suite builds in a copy of the project, so that `npm test` can run the type check and lint
 * (which write .astro/) beside it. SKIP_BUILD=1 reuses the project's own dist/ instead.
 */
export default async function setup(project: TestProject) {
  const jobsDir = mkdtempSync(join(tmpdir(), 'e2e-jobs-'));
  const copies = { reproducible: projectCopy('reproducible-'), basePath: projectCopy('base-path-') };
  const settings = { BASE_PATH: '', SITE_URL: CANONICAL_BASE };
  const build = (name: string, dir: string, env: object) =>
    startJob(jobsDir, name, 'npm', ['run', 'build', '--silent'], { cwd: dir, env: { ...buildEnv(), ...env } });
  const stops = [
    build('reproducible', copies.reproducible.dir, settings),
    build('basePath', copies.basePath.dir, { ...COURSE_SITE, CHROMIUM_PATH: NO_CHROMIUM }),
  ];

  const suite = process.env['SKIP_BUILD'] ? undefined : projectCopy('suite-');
  // The test workers' temporary files, their browsers' profiles among them, go here and are removed
  // at the end: Vitest ends a worker with SIGKILL when it has not exited within half a second, which
  // on a busy machine can come before its browser has removed its profile. (The workers start after
  // this setup, with its environment.)
  const workersTmp = mkdtempSync(join(tmpdir(), 'e2e-workers-'));
  process.env['TMPDIR'] = workersTmp;
  let server: Server | undefined;
  const teardown = () => {
    server?.close();
    for (const stop of stops) stop();
    for (const copy of [suite, ...Object.values(copies)]) copy?.remove();
    rmSync(jobsDir, { recursive: true, force: true });
    rmSync(workersTmp, { recursive: true, force: true });
  };
  try {
    if (suite) execFileSync('npm', ['run', 'build', '--silent'], { cwd: suite.dir, stdio: 'inherit', env: { ...buildEnv(), ...settings } });
    const distDir = join(suite?.dir ?? root, 'dist/');
    startCheckers(jobsDir, distDir, stops);
    let url: string;
    ({ server, url } = await serveStatic(distDir, '/'));
    project.provide('siteUrl', url);
    project.provide('distDir', distDir);
    project.provide('canonicalBase', CANONICAL_BASE);
    project.provide('jobsDir', jobsDir);
    project.provide('backgroundDists', {
      reproducible: join(copies.reproducible.dir, 'dist/'),
      basePath: join(copies.basePath.dir, 'dist/'),
    });
  } catch (error) {
    // No teardown runs when the setup fails: stop and remove here whatever it started.
    teardown();
    throw error;
  }
  return teardown;
}

/**
 * Starts the Java checkers over the suite's build in the background, adding their stops to `stops`.
 * They make short runs, for which the client compiler alone and the serial collector halve Java's
 * CPU time (the Nu HTML Checker: 5 core-seconds instead of 9, the same report).
 */
function startCheckers(jobsDir: string, distDir: string, stops: (() => void)[]) {
  const shortJavaRun = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

  // vnu exits 1 when it finds errors and writes its JSON report to stderr either way. Its schema
  // recurses deeply: with the client compiler's frames it needs a 2 MB thread stack.
  const vnu = String(createRequire(import.meta.url)('vnu-jar'));
  const vnuArgs = [...shortJavaRun, '-Xss2m', '-jar', vnu, '--errors-only', '--skip-non-html', '--format', 'json', distDir];
  stops.push(startJob(jobsDir, 'nuHtml', 'java', vnuArgs, { cwd: root, env: process.env }));

  // EPUBCheck, the three books in one process (./EpubCheckEach.java).
  const books = EDITIONS.map((edition) => join(distDir, 'downloads', `paper.${edition}.epub`));
  const epubcheck = [...shortJavaRun, '-cp', '/usr/share/java/epubcheck.jar', join(root, 'tests/e2e/EpubCheckEach.java'), ...books];
  stops.push(startJob(jobsDir, 'epubcheck', 'java', epubcheck, { cwd: root, env: process.env }));
}
