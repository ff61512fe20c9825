import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // The content tests render every content file once in a hook; with the end-to-end
          // build running beside them (npm test), that can take longer than the default 10 s.
          hookTimeout: 60_000,
          // The files share their imports (Astro's Markdown pipeline, citation-js, zod) instead of
          // each loading them again: 13 s of CPU instead of 37. Nothing in them mocks a module or
          // changes global state that another file reads.
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Two files at a time, each worker with a browser of its own (the clipboard is the
          // browser's): alone, one file leaves a core idle while its page waits on the other
          // process. On a clean clone npm test took 221 and 255 s so, 289 and 295 s one file at a time.
          fileParallelism: true,
          maxWorkers: 2,
          // After the unit project when both run in one `vitest run`: Vitest runs projects of one
          // group with one worker count, and this one's differs.
          sequence: { groupOrder: 1 },
          // So each worker runs its files in turn, its imports (Playwright, html-validate) loaded once.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
