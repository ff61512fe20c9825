import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildEnv } from './browser';
import { projectCopy } from './project-copy';

let work: string;
let removeCopy: (() => void) | undefined;

/** Runs `npm run build` in the copy; returns its exit status and everything it printed. */
function build(): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: work, env: buildEnv(), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const file = (path: string) => join(work, 'content', path);
const edit = (path: string, change: (text: string) => string) => writeFileSync(file(path), change(readFileSync(file(path), 'utf8')));
const goodPage = () => readFileSync(join(work, 'dist/en/introduction/index.html'), 'utf8');
/** What builds left beside their output folders: staging folders, previous sites, the lock, reports. */
const leftovers = () => readdirSync(work).filter((name) => /\.(staging|previous)-|^\.build/.test(name));

beforeAll(() => {
  // A copy of the project with the suite's good build in place as its dist/.
  ({ dir: work, remove: removeCopy } = projectCopy('bad-input-'));
  cpSync(inject('distDir'), join(work, 'dist'), { recursive: true });
}, 120_000);

afterAll(() => {
  removeCopy?.();
});

// One case per stage of the build that can fail: the config's checks of content/ (MDX that does
// not parse; the data files' schemas and the pages' other-language versions are checked at the same
// stage), the content pipeline (an unknown citation key) and the pages' checks (a paragraph missing
// in English). The other bad inputs (tests/unit/bad-input.test.ts) are unit tests of the functions
// that reject them.
describe('broken content fails the build with a clear message and leaves the good site alone', () => {
  const cases: [string, () => void, RegExp[]][] = [
    [
      'an unknown citation key',
      () => edit('en/literature-review.mdx', (t) => t.replace('[@lang1947]', '[@nobody1999]')),
      [/content\/en\/literature-review\.mdx:\d+:\d+/, /Unknown citation key `nobody1999`/],
    ],
    [
      'a paragraph missing in English',
      // The last paragraph of the section, its lines up to the end of the file.
      () => edit('en/conclusions.mdx', (t) => t.replace(/\n\n(?:(?!\n\n)[^])*$/, '\n')),
      [/content\/zh\/conclusions\.mdx.*content\/en\/conclusions\.mdx.*paragraphs differ at position \d+ \(zh: s4-p\d+, en: none\)/],
    ],
    [
      'MDX that does not parse',
      () => edit('en/introduction.mdx', (t) => `${t}\n<Note kind="editor">\nNever closed.\n`),
      [/content\/en\/introduction\.mdx:\d+:\d+: .*closing tag/i],
    ],
  ];

  test.each(cases)(
    '%s',
    (_name, breakIt, messages) => {
      const before = goodPage();
      cpSync(join(work, 'content'), join(work, 'content.good'), { recursive: true });
      try {
        breakIt();
        const { status, output } = build();
        expect(status).not.toBe(0);
        for (const message of messages) expect(output).toMatch(message);
        expect(goodPage()).toBe(before);
        expect(leftovers()).toEqual([]);
      } finally {
        rmSync(join(work, 'content'), { recursive: true, force: true });
        cpSync(join(work, 'content.good'), join(work, 'content'), { recursive: true });
        rmSync(join(work, 'content.good'), { recursive: true, force: true });
      }
    },
    120_000,
  );
});

test('Ctrl-C during a real build with --outDir=FOLDER stops it: the folder Astro resolved is left as it was, nothing writes on', async () => {
  // The `=` form reaches Astro's own parser: the output folder it reports is site/.
  mkdirSync(join(work, 'site'), { recursive: true });
  writeFileSync(join(work, 'site/index.html'), 'the published site');
  const before = goodPage();
  const npm = spawn('npm', ['run', 'build', '--silent', '--', '--outDir=site'], { cwd: work, env: buildEnv() });
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => npm.on('close', (code) => resolve(code)));
  // Stop it as soon as Astro has resolved its config and reported where it would write.
  let report: { outDir: string; staging: string } | undefined;
  while (!report) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const file = readdirSync(work).find((name) => /^\.build-.*\.json$/.test(name));
    try {
      if (file) report = JSON.parse(readFileSync(join(work, file), 'utf8')) as typeof report;
    } catch {
      // Still being written.
    }
  }
  expect(report.outDir).toBe(join(work, 'site'));
  expect(report.staging).toMatch(/\/site\.staging-[\w-]+$/);
  npm.kill('SIGINT');
  const code = await exited;
  expect(output).toMatch(/Build stopped by SIGINT: site is left as it was/);
  expect(code).toBe(130);
  expect(readdirSync(join(work, 'site'))).toEqual(['index.html']);
  expect(readFileSync(join(work, 'site/index.html'), 'utf8')).toBe('the published site');
  expect(goodPage()).toBe(before);
  expect(leftovers()).toEqual([]);
  // Nothing of the stopped build goes on writing after the command returned.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(leftovers()).toEqual([]);
}, 120_000);
