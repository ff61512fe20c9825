import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnv } from './browser';

const root = fileURLToPath(new URL('../../', import.meta.url));
const LEFT_OUT = new Set(['node_modules', '.git', '.astro', 'bench-results']);
let work: string;

/** Runs `npm run build` in the copy; returns its exit status and everything it printed. */
function build(): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: work, env: buildEnv(), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const file = (path: string) => join(work, 'content', path);
const edit = (path: string, change: (text: string) => string) => writeFileSync(file(path), change(readFileSync(file(path), 'utf8')));
const goodPage = () => readFileSync(join(work, 'dist/en/introduction/index.html'), 'utf8');

beforeAll(() => {
  // A copy of the project (sharing node_modules), built once so a good site is in place.
  work = mkdtempSync(join(tmpdir(), 'bad-input-'));
  for (const entry of readdirSync(root)) {
    if (!LEFT_OUT.has(entry) && !entry.startsWith('dist')) cpSync(join(root, entry), join(work, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  expect(build().status).toBe(0);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('broken content fails the build with a clear message and leaves the good site alone', () => {
  const cases: [string, () => void, RegExp[]][] = [
    [
      'an unknown citation key',
      () => edit('en/literature-review.mdx', (t) => t.replace('[@lang1947]', '[@nobody1999]')),
      [/content\/en\/literature-review\.mdx:\d+:\d+/, /Unknown citation key `nobody1999`/],
    ],
    [
      'an unknown concept id',
      () => edit('zh/performance.mdx', (t) => t.replace('term:new-retail', 'term:no-such-concept')),
      [/content\/zh\/performance\.mdx:\d+:\d+/, /Unknown glossary term `no-such-concept`/],
    ],
    [
      'a section with no English translation',
      () => unlinkSync(file('en/conclusions.mdx')),
      [/content\/zh\/conclusions\.mdx has no English translation/],
    ],
    [
      'zh and en paragraphs that no longer align',
      () => edit('en/introduction.mdx', (t) => `${t}\nA paragraph the Chinese does not have.\n`),
      [/introduction\.mdx .*no longer align: paragraphs differ at position 2/],
    ],
    [
      'an id used twice',
      () => edit('zh/introduction.mdx', (t) => `${t}\n<AnalysisFigure id="fig-1" />\n`),
      [/`fig-1` is defined twice: in content\/zh\/case-overview\.mdx and in content\/zh\/introduction\.mdx/],
    ],
    [
      'frontmatter missing a required field',
      () => edit('en/mechanisms.mdx', (t) => t.replace(/^title: .*\n/m, '')),
      [/en\/mechanisms/, /title/],
    ],
    [
      'MDX that does not parse',
      () => edit('en/introduction.mdx', (t) => `${t}\n<Note kind="editor">\nNever closed.\n`),
      [/en\/introduction\.mdx/, /(closing tag|end of file|Unexpected)/i],
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
        expect(existsSync(join(work, 'dist.staging'))).toBe(false);
      } finally {
        rmSync(join(work, 'content'), { recursive: true, force: true });
        cpSync(join(work, 'content.good'), join(work, 'content'), { recursive: true });
        rmSync(join(work, 'content.good'), { recursive: true, force: true });
      }
    },
    120_000,
  );
});
