import { readdir, readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every HTML file under a built site, as paths relative to it. */
export async function htmlFiles(dist: string): Promise<string[]> {
  return (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
}

const ids = new Map<string, Set<string>>();
async function idsOf(file: string): Promise<Set<string>> {
  let found = ids.get(file);
  if (!found) {
    const html = await readFile(file, 'utf8');
    found = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] ?? ''));
    ids.set(file, found);
  }
  return found;
}

/** The file a site path serves: a directory URL serves its index.html. */
function fileFor(dist: string, pathname: string): string | undefined {
  const path = join(dist, decodeURIComponent(pathname));
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : undefined;
}

/**
 * Checks every internal link, anchor and asset of a built site: each `href` and `src` on the site's
 * own origin must reach a file of `dist/` (under `base`), and each `#anchor` an id in that file.
 * @returns the broken links, as "page → link (why)"
 */
export async function brokenLinks(dist: string, base: string, origin = 'http://site.test'): Promise<string[]> {
  const broken: string[] = [];
  for (const file of await htmlFiles(dist)) {
    const html = await readFile(join(dist, file), 'utf8');
    const pageUrl = new URL(`${base}${file.replace(/index\.html$/, '')}`, origin);
    for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const raw = (match[1] ?? '').replaceAll('&amp;', '&');
      if (/^(mailto:|data:|javascript:)/.test(raw)) continue;
      const url = new URL(raw, pageUrl);
      if (url.origin !== origin) continue;
      if (!url.pathname.startsWith(base)) {
        broken.push(`${file} → ${raw} (outside the base path ${base})`);
        continue;
      }
      const target = fileFor(dist, url.pathname.slice(base.length));
      if (!target) {
        broken.push(`${file} → ${raw} (no such file)`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !(await idsOf(target)).has(anchor)) {
        broken.push(`${file} → ${raw} (no id “${anchor}” in ${relative(dist, target)})`);
      }
    }
  }
  return broken;
}
