import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test, vi } from 'vitest';
import stagedOutput from '../../src/integrations/staged-output';
import { siteEnvProblems } from '../../src/lib/site/env';
import { wholeSiteFiles } from '../../src/lib/site/whole-site';

/*
 * scripts/atomic-build.ts against a stand-in builder (tests/unit/build/), so each case takes a
 * second or two: whatever happens, the output folder holds the old site or the new whole one.
 * The e2e suite interrupts one real `npm run build` (tests/e2e/bad-input.test.ts).
 */

const driver = join(import.meta.dirname, 'build/driver.ts');
// Each case starts two or three Node processes: on a loaded machine that alone can take seconds.
vi.setConfig({ testTimeout: 30_000 });
const folders: string[] = [];

/** A project folder with two languages' content and a whole old site in dist/. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'atomic-build-'));
  folders.push(root);
  for (const lang of ['zh', 'en']) {
    mkdirSync(join(root, 'content', lang), { recursive: true });
    writeFileSync(join(root, 'content', lang, 'index.mdx'), '---\ntitle: t\npart: front\n---\n');
    writeFileSync(join(root, 'content', lang, 'intro.mdx'), '---\nsection: "1"\ntitle: t\npart: introduction\n---\nText.\n');
  }
  for (const file of wholeSiteFiles(join(root, 'content'))) {
    mkdirSync(dirname(join(root, 'dist', file)), { recursive: true });
    writeFileSync(join(root, 'dist', file), `old ${file}`);
  }
  return root;
}

/** Every file of a folder with its text. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => [path, readFileSync(path, 'utf8')]),
  );
}

/** Starts the atomic build with the stand-in builder in `root`; `done` resolves with its exit and output. */
function start(root: string, ...builderArgs: string[]) {
  const child = spawn(process.execPath, [driver, root, ...builderArgs], { cwd: root });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.on('close', (code) => resolve({ code, output })));
  return { child, done };
}

/** What builds left beside the output folder: staging folders, previous sites, the lock. */
const leftovers = (root: string) => readdirSync(root).filter((name) => /\.(staging|previous)-|^\.build/.test(name));

/** Waits until the stand-in builder has started and written its first files. */
async function builderRunning(root: string): Promise<number> {
  for (let tries = 0; tries < 400 && !existsSync(join(root, 'builder.pid')); tries += 1) await sleep(50);
  await sleep(300);
  return Number(readFileSync(join(root, 'builder.pid'), 'utf8'));
}

/** Whether a process runs (a zombie, ended but not yet reaped by whoever adopted it, does not). */
function isRunning(pid: number): boolean {
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return stat !== '' && !/^\d+ \(.*\) Z/.test(stat);
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the atomic build leaves the old site or the new whole one, never a partial one', () => {
  test('a good build swaps the new whole site in and leaves nothing behind', async () => {
    const root = project();
    const { code } = await start(root, 'whole').done;
    expect(code).toBe(0);
    expect(readFileSync(join(root, 'dist/en/intro/index.html'), 'utf8')).toBe('new en/intro/index.html');
    expect(leftovers(root)).toEqual([]);
  });

  test.each([
    ['a failing builder', 'fail', 2, /Build failed: dist is left as it was/],
    ['a builder that exits 0 having written part of the site', 'partial', 1, /not a whole site: it lacks .*en\/index\.html/],
  ])('%s leaves dist/ as it was', async (_name, mode, exitCode, message) => {
    const root = project();
    const before = snapshot(join(root, 'dist'));
    const { code, output } = await start(root, mode).done;
    expect(code).toBe(exitCode);
    expect(output).toMatch(message);
    expect(snapshot(join(root, 'dist'))).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });

  test('a second build in the same folder is refused while the first runs; the first completes', async () => {
    const root = project();
    const first = start(root, 'slow');
    await builderRunning(root);
    const second = await start(root, 'whole').done;
    expect(second.code).toBe(1);
    expect(second.output).toMatch(/Another build \(pid \d+\) is running in this folder.*Nothing was changed/);
    expect(readFileSync(join(root, 'dist/en/intro/index.html'), 'utf8')).toBe('old en/intro/index.html');
    writeFileSync(join(root, 'release'), '');
    expect((await first.done).code).toBe(0);
    expect(readFileSync(join(root, 'dist/en/intro/index.html'), 'utf8')).toBe('new en/intro/index.html');
    expect(leftovers(root)).toEqual([]);
  });

  test('the builder gets the arguments as given, and the swap goes to the folder it reports (--outDir=)', async () => {
    const root = project();
    const { code } = await start(root, 'whole', '--outDir', 'site').done;
    expect(code).toBe(0);
    expect(readFileSync(join(root, 'site/en/index.html'), 'utf8')).toBe('new en/index.html');
    expect(readFileSync(join(root, 'dist/en/index.html'), 'utf8')).toBe('old en/index.html');
    expect(leftovers(root)).toEqual([]);
  });

  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s stops the whole build at once: dist/ as it was, exit %i, no process left writing', async (signal, exitCode) => {
    const root = project();
    const before = snapshot(join(root, 'dist'));
    const build = start(root, 'slow');
    const builder = await builderRunning(root);
    build.child.kill(signal);
    const { code, output } = await build.done;
    expect(code).toBe(exitCode);
    expect(output).toMatch(new RegExp(`Build stopped by ${signal}: dist is left as it was`));
    expect(isRunning(builder)).toBe(false);
    expect(existsSync(join(root, 'builder.done'))).toBe(false);
    await sleep(300);
    expect(leftovers(root)).toEqual([]);
    expect(snapshot(join(root, 'dist'))).toEqual(before);
  });

  test('a build killed with SIGKILL stops its builder too; the next build clears what it left', async () => {
    const root = project();
    const before = snapshot(join(root, 'dist'));
    const build = start(root, 'slow');
    const builder = await builderRunning(root);
    build.child.kill('SIGKILL');
    await build.done;
    await sleep(400);
    expect(isRunning(builder)).toBe(false);
    expect(existsSync(join(root, 'builder.done'))).toBe(false);
    expect(snapshot(join(root, 'dist'))).toEqual(before);
    const next = await start(root, 'whole').done;
    expect(next.code).toBe(0);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('the staged-output integration', () => {
  test("reads the output folder Astro resolved and points the build at this run's staging folder", () => {
    const root = project();
    const report = join(root, 'report.json');
    const integration = stagedOutput({ SITE_BUILD_RUN_ID: 'r1', SITE_BUILD_REPORT: report });
    const updates: unknown[] = [];
    const setup = integration.hooks['astro:config:setup'] as (options: unknown) => void;
    setup({
      command: 'build',
      config: { outDir: new URL('file:///srv/site/out/') },
      updateConfig: (change: unknown) => updates.push(change),
    });
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({ outDir: '/srv/site/out', staging: '/srv/site/out.staging-r1' });
    expect(updates).toEqual([{ outDir: new URL('file:///srv/site/out.staging-r1/') }]);
    setup({
      command: 'dev',
      config: { outDir: new URL('file:///srv/site/out/') },
      updateConfig: (change: unknown) => updates.push(change),
    });
    expect(updates).toHaveLength(1);
  });
});

describe('BASE_PATH and SITE_URL are checked, naming the variable and the value', () => {
  test.each([
    [{ BASE_PATH: '/my course/' }, /BASE_PATH="\/my course\/" is not a usable base path/],
    [{ BASE_PATH: '/a/../b/' }, /BASE_PATH="\/a\/\.\.\/b\/"/],
    [{ BASE_PATH: '/x?y=1' }, /BASE_PATH="\/x\?y=1"/],
    [{ SITE_URL: 'not-a-url' }, /SITE_URL="not-a-url" is not the site's address/],
    [{ SITE_URL: 'ftp://example.org' }, /SITE_URL="ftp:\/\/example.org"/],
    [{ SITE_URL: 'reading.example.org' }, /SITE_URL="reading.example.org"/],
  ])('%o', (env, message) => {
    expect(siteEnvProblems(env).join('\n')).toMatch(message);
  });

  test('good values pass', () => {
    expect(siteEnvProblems({ BASE_PATH: '/courses/bm101/xiaomi/', SITE_URL: 'https://reading.example.org/' })).toEqual([]);
    expect(siteEnvProblems({ BASE_PATH: '', SITE_URL: '' })).toEqual([]);
  });
});
