import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { sectionAnchor } from '../anchors/ids';
import { DATA_SCHEMAS } from './data-schemas';

/*
 * The first check of every build (the config runs it before Astro reads anything): every file
 * under content/ is UTF-8, every JSON file parses and follows its schema (data-schemas.ts). Each
 * problem names the file, and the line or the field, so that an editor can go straight to it.
 */

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A content file's bytes as text; throws, naming the file, if they are not UTF-8. */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new Error(`${file} is not UTF-8 (saved as GBK or another encoding?): save it as UTF-8`);
  }
}

/** The line and column of a character offset in a text, from 1. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

/**
 * Where JSON.parse stopped: V8 says "at position N", or, for an unexpected token, quotes the text
 * around it (..."context"...), ten characters on each side.
 */
function errorOffset(message: string, text: string): number | undefined {
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  const [, token = '', cut, context = ''] = /Unexpected token '(.+?)', (\.\.\.)?"(.*?)"(?:\.\.\.)? is not valid JSON/s.exec(message) ?? [];
  const start = context ? text.indexOf(context) : -1;
  if (start < 0) return undefined;
  return start + (cut ? 10 : context.indexOf(token));
}

/** Parses a JSON file's text; throws "file:line:column: not valid JSON: …" if it does not parse. */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const offset = errorOffset(message, text);
    const where = offset === undefined ? '' : `:${lineAndColumn(text, offset)}`;
    const cause = message.replace(/\s*(?:in JSON )?at position \d+.*$/s, '').replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '');
    throw new Error(`${file}${where}: not valid JSON: ${cause}`, { cause: error });
  }
}

/** How a problem's place names an item of a list: by its id or its term, not by its index. */
function itemName(item: unknown, index: number): string {
  const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  const nested = (key: string) => (record[key] as Record<string, unknown> | undefined)?.['en'];
  const name = [record['id'], nested('measure'), nested('when'), record['en'], record['zh']].find((value) => typeof value === 'string');
  return typeof name === 'string' ? `“${name}”` : `item ${index + 1}`;
}

/** A schema issue's place in the data: `“IoT business gross margin (peak)”.chart.percent`. */
function placeOf(data: unknown, path: readonly PropertyKey[]): string {
  let node = data;
  const parts: string[] = [];
  for (const key of path) {
    parts.push(Array.isArray(node) && typeof key === 'number' ? itemName(node[key], key) : String(key));
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
  }
  return parts.join('.') || '(the whole file)';
}

/** A data file checked against its schema: one problem per issue, naming the file and the field. */
function schemaProblems(file: string, data: unknown, schema: z.ZodType): string[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${file}: ${placeOf(data, issue.path)}: ${issue.message}`);
}

/** Every file under content/, parsed where it is JSON; throws once with every problem found. */
export interface ContentFiles {
  /** The text of each file, by its path inside content/ ("data/timeline.json"). */
  texts: Map<string, string>;
  /** The parsed and validated JSON files, by their path inside content/. */
  json: Map<string, unknown>;
}

/**
 * Reads and checks every file under content/ (UTF-8, JSON syntax, schemas).
 * @param root the project's root directory
 */
export async function readContentFiles(root: string): Promise<ContentFiles> {
  const names = (await readdir(join(root, 'content'), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(join(root, 'content/').length))
    .sort();
  const files: ContentFiles = { texts: new Map(), json: new Map() };
  const problems: string[] = [];
  for (const name of names) {
    const file = `content/${name}`;
    try {
      const text = decodeUtf8(await readFile(join(root, file)), file);
      files.texts.set(name, text);
      if (!name.endsWith('.json')) continue;
      const data = parseJson(text, file);
      const schema = DATA_SCHEMAS.find((entry) => entry.pattern.test(name))?.schema;
      if (!schema) problems.push(`${file} has no schema: add one to src/lib/content/data-schemas.ts, or move the file out of content/`);
      else problems.push(...schemaProblems(file, data, schema));
      files.json.set(name, data);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return files;
}

/**
 * The anchors that the data files name, each checked against the ids content/ defines: the data
 * paragraphs of the timeline and the figures table, the sections a figure labels, a figure's
 * number against its file name.
 * @param ids every id the Chinese pages define (headings, paragraphs: xref-targets.ts)
 */
export function dataAnchorProblems(json: ReadonlyMap<string, unknown>, ids: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const check = (file: string, place: string, id: string) => {
    if (!ids.has(id)) problems.push(`content/${file}: ${place}: no page has the anchor #${id}`);
  };
  const list = (name: string) => (json.get(name) ?? []) as Record<string, unknown>[];
  list('data/key-figures.json').forEach((figure, index) => check('data/key-figures.json', `${itemName(figure, index)}.place`, String(figure['place'])));
  list('data/timeline.json').forEach((event, index) => {
    for (const place of event['places'] as string[]) check('data/timeline.json', `${itemName(event, index)}.places`, place);
  });
  for (const [name, data] of json) {
    const number = /^figures\/fig-(\d+)\.json$/.exec(name)?.[1];
    if (!number) continue;
    const figure = data as { number: number; sections: Record<string, string> };
    if (figure.number !== Number(number)) problems.push(`content/${name}: number: is ${figure.number}, but the file is figure ${number}`);
    for (const [key, section] of Object.entries(figure.sections)) check(name, `sections.${key}`, sectionAnchor(section));
  }
  return problems;
}

/** The about pages' revision headings: "### Revision of 2026-11-28", "### 修订（2026 年 11 月 28 日）". */
const REVISION_HEADINGS: Record<string, RegExp> = {
  'en/about.mdx': /^### Revision of (\d{4})-(\d{2})-(\d{2})$/gm,
  'zh/about.mdx': /^### 修订（(\d{4}) 年 (\d{1,2}) 月 (\d{1,2}) 日）$/gm,
};

/**
 * The translation's date (content/translation.json, which its citations and metadata give)
 * against the latest revision each about page records: a revision logged without the date
 * moving on would have readers cite the old text under the new one's name.
 */
export function revisionDateProblems(texts: ReadonlyMap<string, string>, json: ReadonlyMap<string, unknown>): string[] {
  const date = (json.get('translation.json') as { date?: string } | undefined)?.date;
  if (!date) return [];
  return Object.entries(REVISION_HEADINGS).flatMap(([name, heading]) => {
    const dates = [...(texts.get(name) ?? '').matchAll(heading)].map(([, year, month, day]) =>
      [year, month?.padStart(2, '0'), day?.padStart(2, '0')].join('-'),
    );
    const latest = dates.sort().at(-1);
    if (!latest) return [`content/${name}: no revision heading (${heading.source}): the translation's date cannot be checked`];
    return latest !== date
      ? [`content/translation.json: date: is ${date}, but the latest revision content/${name} records is of ${latest}`]
      : [];
  });
}
