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
 * Chromium sometimes names a bookmark after its heading twice over ("3.1. 小米…3.1. 小米…"), for a
 * heading it moved to the next page. Such a title keeps its first half; the hex digits of the
 * second become spaces, which a PDF's hex strings ignore.
 */
export function fixDoubledBookmarks(pdf: Buffer): Buffer {
  return Buffer.from(
    pdf.toString('latin1').replace(/(\/Title\s*<)([0-9A-Fa-f]+)>/g, (whole, key: string, hex: string) => {
      if (!hex.toUpperCase().startsWith(BOM)) return whole;
      const text = hex.slice(BOM.length);
      const half = text.length / 2;
      // Whole UTF-16 code units (four hex digits) in each half, the same in both.
      if (!text || half % 4 || text.slice(0, half).toUpperCase() !== text.slice(half).toUpperCase()) return whole;
      return `${key}${BOM}${text.slice(0, half)}${' '.repeat(half)}>`;
    }),
    'latin1',
  );
}
