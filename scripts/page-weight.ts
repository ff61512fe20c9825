import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes of a page's first view, by kind (the performance budget's units). */
export interface PageWeight {
  /** The HTML document, inline scripts and styles included. */
  html: number;
  /** Scripts: inline module scripts plus external ones. */
  js: number;
  /** Stylesheets: inline styles plus linked ones, KaTeX's apart. */
  css: number;
  /** KaTeX's stylesheet, on pages with math. */
  katexCss: number;
  /** Images the page loads (the favicon included). */
  images: number;
  /** Everything the first view loads but fonts: HTML + external CSS, JS and images (KaTeX's CSS counted). */
  total: number;
}

const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

/**
 * Measures the first view of one built page from its HTML and the files it links.
 * @param dist the built site
 * @param base the base path the site was built with
 * @param page the page's file inside dist, e.g. "en/introduction/index.html"
 */
export function pageWeight(dist: string, base: string, page: string): PageWeight {
  const html = readFileSync(join(dist, page), 'utf8');
  const local = (url: string) => {
    const path = join(dist, url.startsWith(base) ? url.slice(base.length) : url);
    return existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
  };
  const attributes = (pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1] ?? '');
  // JSON-LD (`type="application/ld+json"`) is data, not script: it counts in the HTML only.
  const inlineScripts = attributes(/<script(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>([\s\S]*?)<\/script>/g).join('\n');
  const inlineStyles = attributes(/<style[^>]*>([\s\S]*?)<\/style>/g).join('\n');
  const externalScripts = attributes(/<script[^>]*\bsrc="([^"]+)"/g).map(local);
  const stylesheets = attributes(/<link rel="stylesheet" href="([^"]+)"/g);
  const katex = stylesheets.filter((href) => href.includes('katex')).map(local);
  const otherCss = stylesheets.filter((href) => !href.includes('katex')).map(local);
  const images = [...attributes(/<img[^>]*\bsrc="([^"]+)"/g), ...attributes(/<link rel="icon" href="([^"]+)"/g)].map(local);

  // Each file is gzipped once; the total counts external files once (inline ones are in the HTML).
  const sum = (files: readonly Buffer[]) => files.reduce((total, file) => total + gz(file), 0);
  const externalJs = sum(externalScripts);
  const externalCss = sum(otherCss);
  const katexCss = sum(katex);
  const imageBytes = sum(images);
  const js = (inlineScripts ? gz(inlineScripts) : 0) + externalJs;
  const css = (inlineStyles ? gz(inlineStyles) : 0) + externalCss;
  const htmlBytes = gz(html);
  return { html: htmlBytes, js, css, katexCss, images: imageBytes, total: htmlBytes + externalJs + externalCss + katexCss + imageBytes };
}
