import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Rendering all of content/ once per file (content, termbase) takes 10 s and more on a busy machine.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // One built site is shared: run files one after another. (Two at a time was slower on
          // two cores: the browsers and builds compete for them.)
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
