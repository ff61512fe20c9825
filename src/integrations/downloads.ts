import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { CHROMIUM, canPrintPdfs, launchBrowser } from '../lib/downloads/chromium';
import { LANGS } from '../i18n/utils';
import { paper } from '../lib/content/paper';
import { EDITIONS, makeBook, type Book, type BuiltSite } from '../lib/downloads/book';
import { epub } from '../lib/downloads/epub';
import { downloadsTable } from '../lib/downloads/listing';
import { destinationPages } from '../lib/downloads/pdf-destinations';
import { fixDoubledBookmarks, fixPdfDates } from '../lib/downloads/pdf-fixes';
import { contentsNumberingProblems, contentsTargets, printDocument } from '../lib/downloads/print';
import { normaliseBase } from '../lib/site/urls';

/** Where the downloads page's list goes (src/pages/[lang]/downloads.astro; Astro may add its scoping attribute). */
const DOWNLOAD_LIST_SLOT = /(<div id="download-list"[^>]*>)(<\/div>)/;

/**
 * The date the books carry: SOURCE_DATE_EPOCH when the builder sets it (the reproducible-builds
 * convention), otherwise the paper's date of publication, so that two builds are identical.
 */
function contentDate(): Date {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  return epoch ? new Date(Number(epoch) * 1000) : new Date(`${paper.published}T00:00:00Z`);
}

/** Prints each book's print page to an A4 PDF, with one Chromium for all of them. */
async function printPdfs(books: Book[], out: string, date: Date, logger: AstroIntegrationLogger): Promise<void> {
  if (!canPrintPdfs()) {
    logger.warn(
      `no Chromium at ${CHROMIUM}: the PDFs are left out (apt-get install chromium-headless-shell fonts-noto-cjk, then build again)`,
    );
    return;
  }
  const browser = await launchBrowser();
  try {
    await Promise.all(
      books.map(async (book) => {
        const file = `paper.${book.edition}.pdf`;
        const page = await browser.newPage();
        try {
          const print = async (pages?: ReadonlyMap<string, number>) => {
            // Playwright's 30 s default is too short for a large print page on a busy machine.
            await page.setContent(printDocument(book, pages), { waitUntil: 'load', timeout: 180_000 });
            return page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
          };
          // Printed twice: the first print says on which page each contents entry's target falls,
          // the second writes those numbers on the contents page, which must move nothing.
          const draft = destinationPages(await print());
          const pdf = await print(draft);
          const problems = contentsNumberingProblems(contentsTargets(book), draft, destinationPages(pdf));
          if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
          writeFileSync(join(out, file), fixDoubledBookmarks(fixPdfDates(pdf, date)));
        } finally {
          await page.close();
        }
      }),
    );
  } finally {
    await browser.close();
  }
}

/** Fills each language's downloads page with the files that exist under /downloads/, whoever made them. */
function fillDownloadsPages(site: BuiltSite): void {
  const dir = join(site.dir, 'downloads');
  const files = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => ({ name, bytes: statSync(join(dir, name)).size }));
  for (const lang of LANGS) {
    const file = join(site.dir, lang, 'downloads', 'index.html');
    const html = readFileSync(file, 'utf8');
    if (!DOWNLOAD_LIST_SLOT.test(html)) throw new Error(`${file} has no <div id="download-list"></div> for the list of downloads`);
    const table = downloadsTable(files, lang, (name) => `${site.base}downloads/${name}`);
    writeFileSync(
      file,
      html.replace(DOWNLOAD_LIST_SLOT, (_, open: string, close: string) => `${open}${table}${close}`),
    );
  }
}

/**
 * Makes the paper's downloads from the built pages at the end of `astro build`: an EPUB 3 and an
 * A4 PDF in Chinese, English and both (docs/contract.md, "Downloads and offline reading"), then
 * lists every file under /downloads/ on the downloads pages.
 */
export default function downloadsIntegration(): AstroIntegration {
  let base = '/';
  let url = '';
  return {
    name: 'downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
        url = new URL(base, config.site).href;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site: BuiltSite = { dir: fileURLToPath(dir), base, url };
        const out = join(site.dir, 'downloads');
        mkdirSync(out, { recursive: true });
        const date = contentDate();
        const started = Date.now();
        const books = EDITIONS.map((edition) => makeBook(edition, site));
        for (const book of books)
          writeFileSync(join(out, `paper.${book.edition}.epub`), epub(book, `${url}downloads/paper.${book.edition}.epub`, date));
        await printPdfs(books, out, date, logger);
        fillDownloadsPages(site);
        logger.info(`made the downloads in ${Date.now() - started} ms`);
      },
    },
  };
}
