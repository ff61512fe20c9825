import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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

/** Starts headless Chromium through playwright-core with those flags. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}
