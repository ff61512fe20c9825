import { describe, expect, inject, test } from 'vitest';
import { jobResult } from './background';

const distDir = inject('distDir');

interface NuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

describe('the W3C Nu HTML Checker', () => {
  test('finds no error on any built page, 404 included', async () => {
    // The global setup runs the checker over the suite's build in the background; its JSON report
    // is on stderr whatever it finds.
    const { stderr } = await jobResult('nuHtml');
    const report = JSON.parse(stderr) as { messages: NuMessage[] };
    const errors = report.messages.map(
      (message) => `${message.url?.split(distDir).at(-1) ?? '?'}:${message.lastLine ?? '?'}: ${message.message}`,
    );
    expect(errors).toEqual([]);
  }, 300_000);
});
