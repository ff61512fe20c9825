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
          // One built site is shared: run files one after another. (Two at a time was slower on
          // two cores: the browsers and builds compete for them.)
          fileParallelism: false,
          // So one worker runs every file in turn, its imports (Playwright, html-validate) loaded once.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
