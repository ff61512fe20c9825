import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { preview } from 'astro';
import type { TestProject } from 'vitest/node';
import { buildEnv } from './browser';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CANONICAL_BASE = 'https://reading.example.org/';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The origin and base of the built site served on 127.0.0.1, e.g. "http://127.0.0.1:4567/". */
    siteUrl: string;
    /** The built site's directory. */
    distDir: string;
    /** The origin the build was told (SITE_URL) for canonical and alternate links. */
    canonicalBase: string;
    /** The variables the suite's build ran with, for a test that builds the same site again. */
    buildSettings: { BASE_PATH: string; SITE_URL: string };
  }
}

/**
 * Builds the site once (as `npm run build` does, search index included) and serves it on
 * 127.0.0.1 for every end-to-end test file; stops the server afterwards.
 * SKIP_BUILD=1 reuses an existing dist/ while working on the tests.
 */
export default async function setup(project: TestProject) {
  const buildSettings = { BASE_PATH: '', SITE_URL: CANONICAL_BASE };
  if (!process.env['SKIP_BUILD']) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', env: { ...buildEnv(), ...buildSettings } });
  }
  project.provide('buildSettings', buildSettings);
  const server = await preview({ root, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  const address = server.host ?? '127.0.0.1';
  project.provide('siteUrl', `http://${address}:${server.port}/`);
  project.provide('distDir', `${root}dist/`);
  project.provide('canonicalBase', CANONICAL_BASE);
  return async () => server.stop();
}
