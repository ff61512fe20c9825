/**
 * The page (1 for the first) that each named destination of a PDF is on. Chromium writes a named
 * destination for every element an internal link points to, in the catalog's /Dests dictionary,
 * and a classic cross-reference table: enough to learn on which page each contents entry's target
 * was printed, without a PDF library. (Chromium cannot number a contents page itself: it has no
 * CSS `target-counter()`.)
 * @param pdf the file's bytes
 * @returns each destination's name and page number; empty if the file has no /Dests
 */
export function destinationPages(pdf: Uint8Array): Map<string, number> {
  // Latin-1 keeps one character per byte, so the cross-reference table's offsets hold.
  const text = Buffer.from(pdf).toString('latin1');
  const offsets = crossReferences(text);
  // An object's text up to its first "endobj": whole for the catalog, page tree and /Dests, which
  // are dictionaries, never streams (whose bytes could hold that word).
  const object = (number: number): string => {
    const start = offsets.get(number);
    if (start === undefined) throw new Error(`The PDF has no object ${number} in its cross-reference table`);
    return text.slice(start, text.indexOf('endobj', start));
  };
  const reference = (body: string, key: string): number | undefined => {
    const match = new RegExp(String.raw`/${key}\s+(\d+)\s+\d+\s+R`).exec(body);
    return match ? Number(match[1]) : undefined;
  };

  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = reference(trailer, 'Root');
  if (root === undefined) throw new Error('The PDF has no /Root in its trailer');
  const catalog = object(root);
  const pagesRoot = reference(catalog, 'Pages');
  const dests = reference(catalog, 'Dests');
  if (pagesRoot === undefined || dests === undefined) return new Map();

  // The page tree, flattened: a /Pages node lists its kids in reading order.
  const pagesUnder = (number: number): number[] => {
    const body = object(number);
    if (!/\/Type\s*\/Pages\b/.test(body)) return [number];
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
    return [...kids.matchAll(/(\d+)\s+\d+\s+R/g)].flatMap((match) => pagesUnder(Number(match[1])));
  };
  const pageNumber = new Map(pagesUnder(pagesRoot).map((page, index) => [page, index + 1]));

  const found = new Map<string, number>();
  // "/name [12 0 R /XYZ …]", or the dictionary form "/name << /D [12 0 R …] >>".
  for (const match of object(dests).matchAll(/\/([^\s/[\]<>()]+)\s*(?:<<\s*\/D\s*)?\[\s*(\d+)\s+\d+\s+R/g)) {
    const page = pageNumber.get(Number(match[2]));
    if (page !== undefined) found.set(decodeName(match[1] ?? ''), page);
  }
  return found;
}

/**
 * A destination's name as the id it stands for. Its bytes are escaped as PDF names are ("#25" is
 * "%"), and Chromium names it by the link's fragment, in which a Chinese id is percent-encoded.
 */
function decodeName(name: string): string {
  const fragment = name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Each object's byte offset, from the classic cross-reference table that startxref points to. */
function crossReferences(text: string): Map<number, number> {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!start || !text.startsWith('xref', Number(start[1]))) {
    throw new Error('The PDF has no classic cross-reference table (xref) where startxref points');
  }
  const table = text.slice(Number(start[1]) + 'xref'.length, text.indexOf('trailer', Number(start[1])));
  const offsets = new Map<number, number>();
  let next = 0;
  // Subsection headers ("first count") and 20-byte entries ("offset generation n|f").
  for (const line of table.split(/\r?\n|\r/)) {
    const header = /^\s*(\d+)\s+(\d+)\s*$/.exec(line);
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    if (header) next = Number(header[1]);
    else if (entry) {
      if (entry[3] === 'n') offsets.set(next, Number(entry[1]));
      next += 1;
    }
  }
  return offsets;
}
