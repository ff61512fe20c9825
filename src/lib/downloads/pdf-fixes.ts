/**
 * Corrections to the PDFs Chromium prints, each written over the bytes it replaces at the same
 * length, so that every offset in the cross-reference table still holds.
 */

/** Chromium stamps every PDF with the time it printed it: the content's date instead. */
export function fixPdfDates(pdf: Buffer, date: Date): Buffer {
  const stamp = `D:${date.toISOString().replace(/\D/g, '').slice(0, 14)}+00'00'`;
  return Buffer.from(
    pdf.toString('latin1').replace(/\/(CreationDate|ModDate) \(D:\d{14}[^)]*\)/g, (_, key: string) => `/${key} (${stamp})`),
    'latin1',
  );
}

/** A byte-order mark: Chromium writes each bookmark's title as UTF-16BE in a hex string. */
const BOM = 'FEFF';

/**
 * Chromium sometimes names a bookmark after its heading twice over, for a heading it moved to the
 * next page: the whole text ("3.1. 小米…3.1. 小米…"), or, where the heading has a <wbr> between
 * its phrases, each run of text between them in turn ("3.1. 小米3.1. 小米公司公司…"). Such a
 * title keeps one copy of each run; the hex digits left over become spaces, which a PDF's hex
 * strings ignore.
 */
export function fixDoubledBookmarks(pdf: Buffer): Buffer {
  return Buffer.from(
    pdf.toString('latin1').replace(/(\/Title\s*<)([0-9A-Fa-f]+)>/g, (whole, key: string, hex: string) => {
      if (!hex.toUpperCase().startsWith(BOM) || (hex.length - BOM.length) % 4) return whole;
      // Whole UTF-16 code units, four hex digits each.
      const units = hex.slice(BOM.length).toUpperCase().match(/.{4}/g) ?? [];
      const runs = doubledRuns(units);
      if (!runs) return whole;
      const text = runs.join('');
      return `${key}${BOM}${text}${' '.repeat(hex.length - BOM.length - text.length)}>`;
    }),
    'latin1',
  );
}

/**
 * The runs of which `units` is each run twice over in turn (r1 r1 r2 r2 …), the first way that
 * accounts for all of them; none if there is no such way.
 */
function doubledRuns(units: readonly string[]): string[] | undefined {
  const failed = new Set<number>();
  const from = (start: number): string[] | undefined => {
    if (start === units.length) return [];
    if (failed.has(start)) return undefined;
    for (let length = 1; start + 2 * length <= units.length; length++) {
      const run = units.slice(start, start + length).join('');
      if (run !== units.slice(start + length, start + 2 * length).join('')) continue;
      const rest = from(start + 2 * length);
      if (rest) return [run, ...rest];
    }
    failed.add(start);
    return undefined;
  };
  return units.length ? from(0) : undefined;
}
