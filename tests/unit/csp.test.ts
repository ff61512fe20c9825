import { describe, expect, test } from 'vitest';
import { pruneUnusedHashes, scriptHash } from '../../src/lib/site/csp';
import { formatHeaders, headersFor, parseHeaders } from '../../src/lib/site/host-headers';
import { inlineScript } from '../../src/lib/site/inline-script';

const script = 'document.documentElement.dataset.theme = "dark";';
const style = '.x{color:red}';
const other = scriptHash('a script of another page');
const page = (policy: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}">` +
  `<script type="application/ld+json">{"@type":"ScholarlyArticle"}</script><script type="module" src="/_astro/a.js"></script>` +
  `<script>${script}</script><style>${style}</style></head><body></body></html>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html)?.[1];

describe('pruneUnusedHashes', () => {
  test('keeps the hashes of the inline script and style the page carries, and drops the others', () => {
    const html = page(`script-src 'self' '${scriptHash(script)}' '${other}'; style-src 'self' '${other}' '${scriptHash(style)}'`);
    expect(policyOf(pruneUnusedHashes(html))).toBe(`script-src 'self' '${scriptHash(script)}'; style-src 'self' '${scriptHash(style)}'`);
  });

  test('reads and writes a policy whose quotes are written as &#39;', () => {
    const html = page(`script-src &#39;self&#39; &#39;${other}&#39; &#39;${scriptHash(script)}&#39;`);
    expect(policyOf(pruneUnusedHashes(html))).toBe(`script-src &#39;self&#39; &#39;${scriptHash(script)}&#39;`);
  });

  test('does not count data blocks or external scripts as inline code', () => {
    const json = scriptHash('{"@type":"ScholarlyArticle"}');
    expect(policyOf(pruneUnusedHashes(page(`script-src 'self' '${json}'`)))).toBe(`script-src 'self'`);
  });

  test('leaves a page without a policy as it is', () => {
    expect(pruneUnusedHashes('<p>no policy</p>')).toBe('<p>no policy</p>');
  });
});

describe('inlineScript', () => {
  test('minifies: no comments or layout, and names stay inside their block (a classic script shares one scope per page)', () => {
    const source =
      "// Why it runs.\n{\n  // A note.\n\n  const root = document.documentElement; // why\n  root.dataset.url = 'https://x';\n}\n";
    expect(inlineScript(source)).toBe('{let e=document.documentElement;e.dataset.url=`https://x`}');
  });

  test('a script that does not parse is an error naming its file', () => {
    expect(() => inlineScript('{ const = 1 }', 'before-paint.inline.js')).toThrow(/before-paint\.inline\.js does not parse/);
  });
});

describe('the _headers file', () => {
  const rules = [
    { path: '/base/*', headers: ['X-Content-Type-Options: nosniff'] },
    { path: '/base/_astro/*', headers: ['Cache-Control: public, max-age=31536000, immutable'] },
    { path: '/base/en/', headers: ["Content-Security-Policy: default-src 'self'; img-src 'self' data:"] },
  ];

  test('reads back what it writes, comments and blank lines aside', () => {
    expect(parseHeaders(`# the host's headers\n\n${formatHeaders(rules)}`)).toEqual(rules);
  });

  test('refuses a header line that is not "Name: value", or that no path comes before, naming the line', () => {
    expect(() => parseHeaders('/*\n  X-Content-Type-Options nosniff\n')).toThrow(
      /_headers:2: not a header of a path: X-Content-Type-Options nosniff/,
    );
    expect(() => parseHeaders('  X-Content-Type-Options: nosniff\n')).toThrow(/_headers:1:/);
  });

  test('gives a path the headers of every block that matches it, exactly or under a *, in order', () => {
    expect(headersFor(rules, '/base/_astro/page.Ab12.js')).toEqual([
      ['X-Content-Type-Options', 'nosniff'],
      ['Cache-Control', 'public, max-age=31536000, immutable'],
    ]);
    // The value keeps its own colons and semicolons.
    expect(headersFor(rules, '/base/en/')).toEqual([
      ['X-Content-Type-Options', 'nosniff'],
      ['Content-Security-Policy', "default-src 'self'; img-src 'self' data:"],
    ]);
    expect(headersFor(rules, '/base/en/about/')).toEqual([['X-Content-Type-Options', 'nosniff']]);
    expect(headersFor(rules, '/other/en/')).toEqual([]);
  });
});
