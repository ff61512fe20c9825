import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';

/**
 * Debian's Chromium: the tests, the PDFs and the benchmark never download a browser. Its old
 * headless shell (apt-get install chromium-headless-shell, the build Playwright itself prefers for
 * headless work) when installed: the same Blink without the desktop browser around it, it does the
 * same work for about 40 % less CPU (6 axe runs: 9 core-seconds against 15). Otherwise the full
 * browser. CHROMIUM_PATH overrides both.
 */
export const CHROMIUM =
  process.env['CHROMIUM_PATH'] ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ??
  '/usr/bin/chromium';

/** Whether this machine has the Chromium that prints the PDFs: without it the build leaves them out. */
export const canPrintPdfs = (): boolean => existsSync(CHROMIUM);

/** What this sandbox needs: no sandbox as root, no GPU, and no background traffic to other hosts. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Starts headless Chromium through playwright-core with those flags. Playwright is loaded on the
 * first launch, not with the config that imports this module (`astro sync`, a build without
 * Chromium or one that fails early need none of it), and through Node's own require: the
 * config's import() runs in Vite's module runner, which is closed by the time the PDFs are printed.
 */
export function launchBrowser(): Promise<Browser> {
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}
