import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, inject, test } from 'vitest';

const distDir = inject('distDir');
/** The W3C's Nu HTML Checker, as the vnu-jar package ships it; Java comes from Debian (.ci/run). */
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

interface NuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/** Runs the checker over every HTML file of a folder; returns its errors as "file:line: message". */
async function nuErrors(dir: string): Promise<string[]> {
  // vnu exits 1 when it finds errors and writes its JSON report to stderr either way.
  const result = await promisify(execFile)('java', ['-jar', VNU_JAR, '--errors-only', '--skip-non-html', '--format', 'json', dir], {
    maxBuffer: 1 << 26,
  }).catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }));
  const report = JSON.parse(result.stderr) as { messages: NuMessage[] };
  return report.messages.map((message) => `${message.url?.split(dir).at(-1) ?? '?'}:${message.lastLine ?? '?'}: ${message.message}`);
}

describe('the W3C Nu HTML Checker', () => {
  test('finds no error on any built page, 404 included', async () => {
    expect(await nuErrors(distDir)).toEqual([]);
  });
});
