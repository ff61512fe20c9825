import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { ALL_SLUGS, PARAGRAPH_COUNTS, SECTION_SLUGS } from '../fixtures/contract';
import { useBrowser } from './browser';

const siteUrl = inject('siteUrl');
const canonicalBase = inject('canonicalBase');
const distDir = inject('distDir');
const url = (path: string) => new URL(path, siteUrl).href;
/** A canonical URL (SITE_URL) as served here. */
const local = (canonical: string) => canonical.replace(canonicalBase, siteUrl);
const fetchText = async (path: string) => (await fetch(url(path))).text();
const browser = useBrowser();

/**
 * Finds `quote` inside the paragraph `id` (one text node holds it); selects it if asked. Returns
 * whether it is on screen and where the paragraph's top is.
 */
function locate(page: Page, id: string, quote: string, select = false) {
  return page.evaluate(
    ([paragraphId, text, selecting]) => {
      const paragraph = document.getElementById(paragraphId)!;
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const at = node.data.indexOf(text);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        if (selecting) {
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
        }
        const box = range.getBoundingClientRect();
        return { visible: box.top >= 0 && box.bottom <= innerHeight, paragraphTop: paragraph.getBoundingClientRect().top };
      }
      throw new Error(`${text} is not in #${paragraphId}`);
    },
    [id, quote, select] as const,
  );
}

/** Selects `quote` inside the paragraph `id` and waits for the quote offer. */
async function select(page: Page, id: string, quote: string): Promise<void> {
  await locate(page, id, quote, true);
  await page.locator('.passage-offer:not([hidden])').waitFor();
}

/** Opens `link` in a short phone-sized page, where the end of a long paragraph is below the fold when the page lands on the paragraph's top. */
async function open(link: string): Promise<Page> {
  const page = await browser().newPage({ viewport: { width: 360, height: 400 } });
  await page.goto(link);
  return page;
}

test('the cite box cites the original at the Chinese page, with the reader’s day as GB/T 7714’s date of access, and the translation at the English', async () => {
  const page = await browser().newPage();
  // On section pages, which cite the paper at their address (the home page cites it as printed: no date of access).
  for (const slug of ['introduction', 'mechanisms/value-proposition']) {
    for (const lang of ['zh', 'en']) {
      await page.goto(url(`${lang}/${slug}/`));
      await page.locator('.cite-this summary').click();
      const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
      const original = page.locator('.cite-this > dl');
      const gbt = await original.locator('dd[lang="zh-CN"]').textContent();
      expect(gbt, lang).toMatch(new RegExp(`\\[J/OL\\]\\. 2024\\[${today}\\]\\. ${canonicalBase}zh/${slug}/\\.$`));
      expect(await original.locator('dd[lang="en"]').textContent(), lang).toContain(`${canonicalBase}zh/${slug}/`);
      if (lang === 'en')
        expect(await page.locator('.cite-translation dd[lang="en"]').textContent()).toContain(`${canonicalBase}en/${slug}/`);
    }
  }
  await page.close();
});

describe('quoting a passage', () => {
  // The last words of a long paragraph: on a 360 × 400 screen they are on screen only if the
  // browser found the text; landing on the paragraph's top leaves them below the fold.
  const cases = [
    {
      lang: 'zh',
      quote: '传递产品体验的价值',
      // GB/T 7714 gives an online source's date of access: the reader's day, filled in below.
      citation: '”[1]（3.2.1 节第 2 段）\n\n[1] 金成瑞, 吴偲琪. 基于价值共创理论下的商业模式创新——以小米公司为例[J/OL]. 2024[{today}]. ',
    },
    {
      lang: 'en',
      quote: 'the value of the product experience',
      citation: '” (Jin & Wu, 2024/2026, Section 3.2.1, para. 2)\n\nJin, C., & Wu, S. (2026). Business Model Innovation',
    },
  ] as const;

  test.each(cases)(
    'in $lang, copies the quote with its pinpoint citation and a link that shows the text',
    async ({ lang, quote, citation }) => {
      const context = await browser().newContext({
        permissions: ['clipboard-read', 'clipboard-write'],
        viewport: { width: 1280, height: 800 },
      });
      const page = await context.newPage();
      await page.goto(url(`${lang}/mechanisms/value-proposition/`));
      const paragraph = await page.locator('#s3-2-1-p2').textContent();
      expect(paragraph, 'the quote ends paragraph 2').toContain(quote);
      await select(page, 's3-2-1-p2', quote);
      const offer = page.getByRole('group', { name: lang === 'zh' ? '引用所选文字' : 'Quote this passage' });
      // From the keyboard: the offer comes next in tab order after the paragraph's last link.
      await page.locator('#s3-2-1-p2 a').last().focus();
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
        lang === 'zh' ? '复制引文及出处' : 'Copy quote with citation',
      );
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^“/);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied.startsWith(`“${quote}`)).toBe(true);
      const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
      expect(copied).toContain(citation.replace('{today}', today));
      expect(copied).toContain(`${canonicalBase}${lang}/mechanisms/value-proposition/`);
      await offer.getByRole('button', { name: lang === 'zh' ? '复制所选文字的链接' : 'Copy link to passage' }).click();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link.startsWith(`${canonicalBase}${lang}/mechanisms/value-proposition/#s3-2-1-p2:~:text=`)).toBe(true);
      await expect(page.locator('passage-tools').getByRole('status').textContent()).resolves.toBe(
        lang === 'zh' ? '所选文字的链接已复制' : 'Link to the passage copied',
      );
      await context.close();

      // Opened, the link shows the quoted words (Chromium supports text fragments) …
      const quoted = await open(local(link));
      expect(await quoted.evaluate(() => 'fragmentDirective' in document)).toBe(true);
      await quoted.waitForFunction(
        ([id, text]) => {
          const paragraph = document.getElementById(id!)!;
          const at = paragraph.textContent.indexOf(text!);
          return at !== -1 && scrollY > 0;
        },
        ['s3-2-1-p2', quote],
      );
      await expect.poll(() => locate(quoted, 's3-2-1-p2', quote).then((place) => place.visible)).toBe(true);
      await quoted.close();

      // … and with a text that no longer matches, it lands on the paragraph.
      const changed = await open(local(link).replace(/text=.*$/, `text=${encodeURIComponent('这段文字已经不在了')}`));
      // Chromium scrolls to the paragraph once its search for the text has failed.
      await expect.poll(async () => (await locate(changed, 's3-2-1-p2', quote)).paragraphTop, { timeout: 5000 }).toBeLessThan(120);
      const landed = await locate(changed, 's3-2-1-p2', quote);
      expect(landed.paragraphTop).toBeGreaterThanOrEqual(0);
      expect(landed.visible, 'the quote is below the fold: the page landed on the paragraph, not on the text').toBe(false);
      await changed.close();
    },
  );
});

describe('assigned passages', () => {
  async function assigned(page: Page, path: string) {
    const response = await page.goto(url(path));
    expect(response?.status()).toBe(200);
    const bar = page.locator('.passage-bar');
    await bar.locator('.passage-message:not(:empty)').waitFor();
    return {
      ids: await page.locator('.assigned').evaluateAll((elements) => elements.map((element) => element.id)),
      bar: (await bar.locator('.passage-message').textContent()) ?? '',
      role: await bar.getAttribute('role'),
    };
  }

  test('?p= marks exactly its paragraphs or sentences and announces them; ranges not on the page are ignored with a notice', async () => {
    const page = await browser().newPage();
    const paragraphs = await assigned(page, 'en/mechanisms/value-proposition/?p=s3-2-1-p2..s3-2-1-p3#s3-2-1-p2');
    expect(paragraphs).toEqual({ ids: ['s3-2-1-p2', 's3-2-1-p3'], bar: 'Assigned passage: ¶2–3', role: 'status' });
    expect(await page.locator('#s3-2-1-p2').getAttribute('aria-describedby')).toBe('assigned-passage');
    expect(await page.locator('#s3-2-1-p2 .passage-start').textContent()).toBe('Assigned passage: ¶2–3 ');
    await page.getByRole('button', { name: 'Show all' }).click();
    expect(await page.locator('.assigned').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');

    const sentences = await assigned(page, 'zh/mechanisms/value-proposition/?p=s3-2-1-p2-s2..s3-2-1-p2-s3');
    expect(sentences).toEqual({ ids: ['s3-2-1-p2-s2', 's3-2-1-p2-s3'], bar: '指定阅读：第 2 段第 2–3 句', role: 'status' });

    // Written backwards, as one id, or from a paragraph to a sentence: read as the teacher meant.
    for (const [range, ids, bar] of [
      ['s3-2-1-p3..s3-2-1-p2', ['s3-2-1-p2', 's3-2-1-p3'], '¶2–3'],
      ['s3-2-1-p3', ['s3-2-1-p3'], '¶3'],
      ['s3-2-1-p2-s3..s3-2-1-p2-s2', ['s3-2-1-p2-s2', 's3-2-1-p2-s3'], '¶2, sentences 2–3'],
      ['s3-2-1-p1..s3-2-1-p2-s1', ['s3-2-1-p1-s1', 's3-2-1-p2-s1'], '§3.2.1 ¶1, sentence 1–§3.2.1 ¶2, sentence 1'],
    ] as const) {
      const read = await assigned(page, `en/mechanisms/value-proposition/?p=${range}`);
      expect(read.ids, range).toEqual(ids);
      expect(read.bar, range).toBe(`Assigned passage: ${bar}`);
    }

    for (const range of ['s9-p1..s9-p2', 's3-2-1-p2..s3-1-p2', 's3-2-1-p2-s9']) {
      const ignored = await assigned(page, `en/mechanisms/value-proposition/?p=${range}`);
      expect(ignored.ids, range).toEqual([]);
      expect(ignored.bar).toBe(`The link asks for a passage (${range}) that is not on this page, so the whole section is shown.`);
      // Nothing is hidden: the notice's button only closes it.
      await page.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => page.locator('.passage-bar').count()).toBe(0);
    }
    await page.close();
  });

  test('with both languages shown, each paragraph of the passage is marked in both', async () => {
    const page = await browser().newPage();
    await page.goto(url('en/'));
    await page.evaluate(() => localStorage.setItem('reader-settings', JSON.stringify({ both: 'on' })));
    await page.goto(url('en/mechanisms/value-proposition/?p=s3-2-1-p2..s3-2-1-p3#s3-2-1-p2'));
    // The copies and the passage's marks come from two modules, each loaded on arrival: wait for both.
    const marked = () =>
      page
        .locator('.other-lang-text')
        .evaluateAll((copies) =>
          copies.map((copy) => [copy.dataset['for'], getComputedStyle(copy).backgroundColor !== 'rgba(0, 0, 0, 0)']),
        );
    await expect.poll(marked, { timeout: 10_000 }).toEqual([
      ['s3-2-1-p1', false],
      ['s3-2-1-p2', true],
      ['s3-2-1-p3', true],
    ]);
    await page.evaluate(() => localStorage.removeItem('reader-settings'));
    await page.close();
  });

  test('on a phone the bar is one line, keeps its range whole, and the page scrolls clear of it', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 800 } });
    for (const path of ['en/case-overview/?p=s3-1-p2..s3-1-p4#s3-1-p2', 'zh/case-overview/?p=s3-1-p2..s3-1-p4#s3-1-p2']) {
      await assigned(page, path);
      const bar = (await page.locator('.passage-bar').boundingBox())!;
      // One line (its button is a finger's height): two made it 86–106 px tall.
      expect(bar.height, path).toBeLessThan(64);
      expect(await page.locator('.passage-message span').evaluate((label) => label.getClientRects().length)).toBe(1);
      // At the end of the page, the footer's last link sits above the bar.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const footer = (await page.locator('.site-footer a').last().boundingBox())!;
      expect(footer.y + footer.height, path).toBeLessThanOrEqual(bar.y);
    }
    // The notice for a range not on the page takes several lines, and the page still ends above it.
    await assigned(page, 'en/case-overview/?p=s9-p1..s9-p2');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const notice = (await page.locator('.passage-bar').boundingBox())!;
    const footer = (await page.locator('.site-footer a').last().boundingBox())!;
    expect(footer.y + footer.height).toBeLessThanOrEqual(notice.y);
    await page.close();
  });

  test.each([
    ['zh', 'English', '并向更广泛的用户群体传递产品体验的价值。'],
    ['en', '中文', 'the value of the product experience to a wider user base.'],
  ])('in %s, a whole paragraph selected (a triple click) quotes only the paper’s words, not the link “%s”', async (lang, other, end) => {
    const context = await browser().newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(url(`${lang}/mechanisms/value-proposition/`));
    await page.locator('#s3-2-1-p2 .sentence').first().click({ clickCount: 3 });
    expect(await page.evaluate(() => getSelection()?.toString()), 'the selection takes in the link to the other language').toContain(other);
    const offer = page.locator('.passage-offer:not([hidden])');
    await offer.getByRole('button').first().click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^“/);
    const quote = await page.evaluate(() => navigator.clipboard.readText());
    expect(quote.startsWith('“1)'), quote).toBe(true);
    expect(quote, 'the quote ends where the paragraph’s words end').toContain(`${end}”`);
    expect(quote.slice(0, quote.indexOf(`${end}”`))).not.toContain(other);
    await offer.getByRole('button').nth(1).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(':~:text=');
    const link = decodeURIComponent(await page.evaluate(() => navigator.clipboard.readText()));
    expect(link).not.toContain(other);
    expect(link.endsWith(end.slice(-6)), link).toBe(true);
    await context.close();
  });

  test('a selection over several paragraphs offers a link to that range', async () => {
    const context = await browser().newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(url('en/case-overview/'));
    await page.evaluate(() => {
      const range = document.createRange();
      range.setStart(document.querySelector('#s3-1-p2-s1')!.firstChild!, 0);
      range.setEnd(document.querySelector('#s3-1-p4-s1')!.firstChild!, 5);
      getSelection()!.addRange(range);
    });
    await page.getByRole('button', { name: 'Copy link to ¶2–4' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${canonicalBase}en/case-overview/?p=s3-1-p2..s3-1-p4#s3-1-p2`);
    await context.close();
  });
});

describe('files for course sites', () => {
  test('each cartridge unzips to a manifest that parses, in its language, with a link to every section that resolves', async () => {
    const page = await browser().newPage();
    // Every numbered section: a page's first opens it, the others are subsections on it (3.1 on the page of 3).
    const { sections } = JSON.parse(await fetchText('sections.json')) as { sections: { id: string; paths: Record<string, string> }[] };
    const subsections = (lang: string) =>
      sections.filter((record, index) => sections.findIndex((other) => other.paths[lang] === record.paths[lang]) !== index);
    for (const lang of ['zh', 'en'] as const) {
      const files = unzipSync(readFileSync(`${distDir}downloads/course.${lang}.imscc`));
      const manifest = strFromU8(files['imsmanifest.xml']!);
      const parsed = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const text = (name: string) => [...doc.getElementsByTagName(name)].map((element) => element.textContent ?? '');
        return {
          error: doc.getElementsByTagName('parsererror').length,
          schema: text('schema')[0],
          version: text('schemaversion')[0],
          language: text('lomimscc:language')[0],
          hrefs: [...doc.getElementsByTagName('file')].map((file) => file.getAttribute('href') ?? ''),
          folders: [...doc.querySelectorAll('organization > item > item')].map((item) => item.querySelector('title')?.textContent ?? ''),
        };
      }, manifest);
      expect(parsed).toMatchObject({
        error: 0,
        schema: 'IMS Thin Common Cartridge',
        version: '1.3.0',
        language: lang === 'zh' ? 'zh-CN' : 'en',
      });
      expect(parsed.folders).toHaveLength(SECTION_SLUGS.length);
      for (const title of parsed.folders) expect(/[\u4e00-\u9fff]/.test(title), title).toBe(lang === 'zh');
      const urls = parsed.hrefs.map((href) => /<url href="([^"]+)"/.exec(strFromU8(files[href]!))?.[1] ?? '');
      expect(subsections(lang).length).toBeGreaterThan(0);
      expect(urls.sort()).toEqual(
        [
          ...SECTION_SLUGS.flatMap((slug) => [`${canonicalBase}${lang}/${slug}/`, `${canonicalBase}${lang}/${slug}/parallel/`]),
          ...subsections(lang).map((record) => `${canonicalBase}${record.paths[lang]!.slice(1)}#${record.id}`),
        ].sort(),
      );
      for (const link of urls) {
        const response = await fetch(local(link));
        expect(response.status, link).toBe(200);
        const html = await response.text();
        expect(html).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"`);
        const id = new URL(link).hash.slice(1);
        if (id) expect(html, link).toContain(`id="${id}"`);
      }
      // The licence statement is the source's, in English, and says so in either cartridge.
      expect(manifest).toMatch(/<lomimscc:rights>[\s\S]*<lomimscc:string language="en">Copyright ©/);
    }
    await page.close();
  });

  test('/paragraphs.json lists all 29 paragraphs in both languages with the sentence ids of their pages', async () => {
    const { paragraphs } = JSON.parse(await fetchText('paragraphs.json')) as {
      paragraphs: { id: string; section: string; paths: Record<string, string>; texts: Record<string, string>; sentences: string[] }[];
    };
    const total = Object.values(PARAGRAPH_COUNTS).reduce((sum, count) => sum + count, 0);
    expect(total).toBe(29);
    expect(paragraphs).toHaveLength(total);
    const pages = new Map<string, string>();
    for (const paragraph of paragraphs) {
      expect(paragraph.id.startsWith(`s${paragraph.section.replaceAll('.', '-')}-p`)).toBe(true);
      expect(/[\u4e00-\u9fff]{10}/.test(paragraph.texts['zh'] ?? '')).toBe(true);
      expect(/^[^\u4e00-\u9fff]{40}/.test(paragraph.texts['en'] ?? ''), paragraph.id).toBe(true);
      for (const lang of ['zh', 'en']) {
        const path = paragraph.paths[lang]!;
        if (!pages.has(path)) pages.set(path, await fetchText(path.slice(1)));
        const html = pages.get(path)!;
        expect(html).toContain(`id="${paragraph.id}"`);
        const onPage = [...html.matchAll(new RegExp(`id="(${paragraph.id}-s\\d+)"`, 'g'))].map((match) => match[1]);
        expect(paragraph.sentences, `${lang} ${paragraph.id}`).toEqual(onPage);
        expect(paragraph.sentences.length).toBeGreaterThan(0);
      }
    }
  });

  test('every page’s JSON-LD parses and says what the contract says', async () => {
    // The language chooser (/) is in Chinese, like its <html lang>.
    const pages = [
      { lang: 'zh', path: '' },
      ...(['zh', 'en'] as const).flatMap((lang) => ALL_SLUGS.map((slug) => ({ lang, path: `${lang}/${slug ? `${slug}/` : ''}` }))),
    ];
    for (const { lang, path } of pages) {
      {
        const html = await fetchText(path);
        const blocks = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((match) => match[1] ?? '');
        expect(blocks, path).toHaveLength(1);
        const data = JSON.parse(blocks[0]!) as Record<string, unknown>;
        expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'ScholarlyArticle' });
        if (lang === 'en') {
          expect(data).toMatchObject({
            inLanguage: 'en',
            translator: { '@type': 'Organization', url: canonicalBase },
            translationOfWork: { '@type': 'ScholarlyArticle', inLanguage: 'zh-CN', url: `${canonicalBase}zh/` },
          });
        } else {
          expect(data).toMatchObject({
            inLanguage: 'zh-CN',
            workTranslation: { '@type': 'ScholarlyArticle', inLanguage: 'en', url: `${canonicalBase}en/` },
          });
        }
      }
    }
  });
});
