import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, inject, test } from 'vitest';
import { ALL_SLUGS, SECTION_SLUGS } from '../fixtures/contract';
import { useBrowser } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;
const fetchText = async (path: string) => (await fetch(url(path))).text();
const browser = useBrowser();

/** How many citations each section page carries: the paper's [n] markers, in both languages. */
const CITATIONS_PER_PAGE: Record<(typeof SECTION_SLUGS)[number], number> = {
  introduction: 0,
  'literature-review': 8,
  'case-overview': 1,
  mechanisms: 2,
  'mechanisms/value-proposition': 1,
  'mechanisms/value-co-creation': 2,
  'mechanisms/value-delivery': 1,
  'mechanisms/value-acquisition': 0,
  performance: 1,
  conclusions: 2,
};

describe('citations and cross-references', () => {
  test('every citation link in both languages points to an existing reference', async () => {
    for (const lang of ['zh', 'en']) {
      const references = await fetchText(`${lang}/references/`);
      const cited: string[] = [];
      for (const slug of SECTION_SLUGS) {
        const html = await fetchText(`${lang}/${slug}/`);
        const hrefs = [...html.matchAll(/<a href="([^"]+)" class="cite"/g)].map(([, href]) => href!);
        // A link the pattern no longer finds would leave nothing to check: count them first.
        expect(hrefs, `${lang}/${slug}`).toHaveLength(CITATIONS_PER_PAGE[slug]);
        for (const href of hrefs) {
          expect(href).toMatch(new RegExp(`^/${lang}/references/#ref-\\d+$`));
          expect(references).toContain(`id="${href.split('#')[1]}"`);
        }
        cited.push(...hrefs);
      }
      // The paper cites each of its 18 references once.
      expect(new Set(cited).size, lang).toBe(18);
    }
  });

  test('references show where they are cited: [16] in 3.3, [17] and [18] in 4', async () => {
    const page = await browser().newPage();
    await page.goto(url('en/references/'));
    const backlinks = async (n: number) =>
      page.locator(`#ref-${n} a[data-backlink]`).evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(await backlinks(16)).toEqual(['/en/performance/#s3-3-p1']);
    expect(await backlinks(17)).toEqual(['/en/conclusions/#s4-p1']);
    expect(await backlinks(18)).toEqual(['/en/conclusions/#s4-p2']);
    expect(await backlinks(2)).toEqual(['/en/literature-review/#s2-1-p1']);
    await page.close();
  });

  test('a citation’s preview opens on keyboard focus, is announced, and Escape closes it', async () => {
    const page = await browser().newPage();
    await page.goto(url('zh/literature-review/'));
    const citation = page.locator('a.cite').first();
    await citation.focus();
    const preview = page.locator(`#${await citation.getAttribute('aria-describedby')}`);
    await expect(preview.isVisible()).resolves.toBe(true);
    expect(await preview.getAttribute('role')).toBe('tooltip');
    expect(await preview.textContent()).toContain('VARGO S L');
    await page.keyboard.press('Escape');
    await expect(preview.isVisible()).resolves.toBe(false);
    await page.close();
  });

  test('a preview opens wholly on screen: above a citation near the bottom of the window, below one near the top', async () => {
    const misplaced: string[] = [];
    for (const viewport of [
      { width: 360, height: 780 },
      { width: 1280, height: 800 },
    ]) {
      const page = await browser().newPage({ viewport });
      await page.goto(url('en/literature-review/'));
      for (const at of [0.92, 0.25]) {
        const placed = await page
          .locator('a.cite')
          .last()
          .evaluate((citation: HTMLElement, share) => {
            // Closed first (Escape), as a reader who scrolled on would have: an open preview stays where it opened.
            document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
            citation.blur();
            scrollBy(0, citation.getBoundingClientRect().top - innerHeight * share);
            citation.focus({ preventScroll: true });
            const preview = document.getElementById(citation.getAttribute('aria-describedby') ?? '')!.getBoundingClientRect();
            const link = citation.getBoundingClientRect();
            const header = Math.max(0, document.querySelector('.site-header')!.getBoundingClientRect().bottom);
            return { onScreen: preview.top >= header && preview.bottom <= innerHeight, below: preview.top >= link.bottom };
          }, at);
        if (!placed.onScreen || placed.below !== at < 0.5)
          misplaced.push(`${viewport.width} px, citation at ${at * 100} % of the height: ${JSON.stringify(placed)}`);
      }
      await page.close();
    }
    expect(misplaced).toEqual([]);
  });

  test('a concept’s definition opens on hover and the link leads to the glossary entry', async () => {
    const page = await browser().newPage();
    await page.goto(url('en/mechanisms/value-acquisition/'));
    const term = page.locator('a.term[data-term="light-asset-model"]').first();
    await term.hover();
    const preview = page.locator('#preview-term-light-asset-model');
    await expect(preview.isVisible()).resolves.toBe(true);
    expect(await preview.textContent()).toContain('asset-light model');
    await term.click();
    await page.waitForURL(/\/en\/glossary\/#term-light-asset-model$/);
    expect(await page.locator('#term-light-asset-model a[data-backlink]').count()).toBeGreaterThan(0);
    await page.close();
  });

  test('on a touch screen, a first tap on a citation or concept opens its preview, the second follows the link', async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const path = url('zh/mechanisms/value-co-creation/');
    await page.goto(path);
    for (const [link, target] of [
      ['a.term[data-term="ecological-chain"]', /\/zh\/glossary\/#term-ecological-chain$/],
      ['a.cite', /\/zh\/references\/#ref-\d+$/],
    ] as const) {
      const first = page.locator(link).first();
      await first.scrollIntoViewIfNeeded();
      await first.tap();
      const preview = page.locator(`[id="${await first.getAttribute('aria-describedby')}"]`);
      await expect.poll(() => preview.isVisible()).toBe(true);
      expect(page.url()).toBe(path);
      await first.tap();
      await page.waitForURL(target);
      await page.goBack();
    }
    await context.close();
  });

  test('every glossary concept lists at least one place where the paper uses it, in both languages, and names itself once', async () => {
    const concepts = JSON.parse(readFileSync(new URL('../../content/glossary.json', import.meta.url), 'utf8')) as { id: string }[];
    const page = await browser().newPage();
    for (const lang of ['zh', 'en']) {
      await page.goto(url(`${lang}/glossary/`));
      for (const { id } of concepts) {
        expect(await page.locator(`#term-${id} a[data-backlink]`).count(), `${lang} ${id}`).toBeGreaterThan(0);
      }
      // A name both languages write alike is not given twice.
      const repeated = await page
        .locator('.concept')
        .evaluateAll((concepts) =>
          concepts
            .filter(
              (concept) => concept.querySelector('dfn')?.textContent.trim() === concept.querySelector('.other-term')?.textContent.trim(),
            )
            .map((concept) => concept.id),
        );
      expect(repeated, lang).toEqual([]);
    }
    await page.close();
  });

  test('the downloads parse: BibTeX and CSL-JSON through citation-js, the paper as RIS and BibTeX', async () => {
    const require = createRequire(import.meta.url);
    const { Cite } = require('@citation-js/core') as { Cite: new (data: string) => { data: { title: string }[] } };
    require('@citation-js/plugin-bibtex');
    require('@citation-js/plugin-ris');
    const bib = new Cite(await fetchText('references.bib'));
    expect(bib.data).toHaveLength(18);
    expect(bib.data.map((item) => item.title)).toContain('基于双重属性的商业模式构念化与研究框架建议');
    expect(JSON.parse(await fetchText('references.json'))).toHaveLength(18);
    const paperBib = new Cite(await fetchText('paper.bib'));
    expect(paperBib.data[0]?.title).toBe('基于价值共创理论下的商业模式创新——以小米公司为例');
    const ris = new Cite(await fetchText('paper.ris'));
    expect(ris.data[0]?.title).toBe('基于价值共创理论下的商业模式创新——以小米公司为例');
  });
});

describe('citing the translation', () => {
  test('every English page that offers to cite this site’s translation gives its address: the section’s, or the English home page’s', async () => {
    const canonical = inject('canonicalBase');
    const pages = [
      ['en/', `${canonical}en/`],
      ['en/about/', `${canonical}en/`],
      ['en/mechanisms/value-delivery/', `${canonical}en/mechanisms/value-delivery/`],
    ] as const;
    for (const [path, address] of pages) {
      const html = await fetchText(path);
      const translation = /<section class="cite-translation"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      expect(translation, path).toContain('Trans.)');
      expect(translation, path).toContain(`href="${address}"`);
    }
  });
});

describe('linking in', () => {
  test('copy link puts the paragraph’s canonical URL on the clipboard, without the query it was opened with, and says so', async () => {
    const context = await browser().newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(url('en/mechanisms/value-delivery/?p=s3-2-3-p1..s3-2-3-p3&utm_source=x#s3-2-3-p1'));
    const paragraph = page.locator('#s3-2-3-p2');
    await paragraph.hover();
    await paragraph.getByRole('button', { name: 'Copy link to this paragraph' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${inject('canonicalBase')}en/mechanisms/value-delivery/#s3-2-3-p2`,
    );
    await expect(page.locator('copy-links').getByRole('status').textContent()).resolves.toBe('Link copied');
    // In the margin where there is one, above the paragraph's end where there is not: on screen at every width.
    const button = paragraph.locator('.copy-link');
    for (const width of [360, 800, 1000, 1024, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await paragraph.hover();
      const box = (await button.boundingBox())!;
      expect([box.x >= 0, box.x + box.width <= width], `${width} px`).toEqual([true, true]);
    }
    await context.close();
  });

  test('arriving on an anchor shows the paragraph below the sticky header, highlighted, however tall the header is', async () => {
    // The header is one row wide, or wraps its controls under the title: where depends on the
    // language's title, the width and the reader's text size (the English one wraps at 600 px).
    const cases = [
      { lang: 'zh', width: 1280, textSize: 'm' },
      { lang: 'zh', width: 360, textSize: 'm' },
      { lang: 'en', width: 600, textSize: 'm' },
      { lang: 'zh', width: 510, textSize: 'l' },
      { lang: 'en', width: 360, textSize: 'xxl' },
      { lang: 'en', width: 800, textSize: 'xxl' },
      // Without JavaScript nothing measures the header: the stylesheet's estimate must hold.
      { lang: 'en', width: 560, textSize: 'm', javaScriptEnabled: false },
      { lang: 'zh', width: 360, textSize: 'm', javaScriptEnabled: false },
    ];
    // Side by side: each page mostly waits for its load.
    const hidden = await Promise.all(
      cases.map(async ({ lang, width, textSize, javaScriptEnabled = true }) => {
        const context = await browser().newContext({ viewport: { width, height: 700 }, javaScriptEnabled });
        await context.addInitScript((size) => localStorage.setItem('reader-settings', JSON.stringify({ textSize: size })), textSize);
        const page = await context.newPage();
        await page.goto(url(`${lang}/mechanisms/value-co-creation/#s3-2-2-p3`));
        const header = await page.locator('.site-header').boundingBox();
        const paragraph = await page.locator('#s3-2-2-p3').boundingBox();
        expect(await page.locator('#s3-2-2-p3').evaluate((element) => element.matches(':target'))).toBe(true);
        await context.close();
        const covered = paragraph!.y < header!.y + header!.height || paragraph!.y >= 700;
        return covered
          ? [
              `${lang} ${width}px ${textSize}${javaScriptEnabled ? '' : ' no JS'}: paragraph at ${paragraph!.y}, header to ${header!.y + header!.height}`,
            ]
          : [];
      }),
    );
    expect(hidden.flat()).toEqual([]);
  });

  test('every /sections.json entry resolves to its page, heading and paragraphs in both languages', async () => {
    const { sections } = JSON.parse(await fetchText('sections.json')) as {
      sections: { number: string; id: string; paths: Record<string, string>; titles: Record<string, string>; paragraphs: string[] }[];
    };
    expect(sections.map((section) => section.number)).toEqual([
      '1',
      '2',
      '2.1',
      '2.2',
      '2.3',
      '3',
      '3.1',
      '3.2',
      '3.2.1',
      '3.2.2',
      '3.2.3',
      '3.2.4',
      '3.3',
      '3.3.1',
      '3.3.2',
      '3.3.3',
      '4',
    ]);
    for (const section of sections) {
      for (const lang of ['zh', 'en']) {
        const html = await fetchText(section.paths[lang]!.slice(1));
        expect(html, `${section.paths[lang]}#${section.id}`).toContain(`id="${section.id}"`);
        for (const paragraph of section.paragraphs) expect(html).toContain(`id="${paragraph}"`);
        expect(section.titles[lang]).toBeTruthy();
      }
    }
  });

  test('every heading’s anchor is the same in both languages, so the language switch (which keeps it) lands in the same place', async () => {
    const headingIds = async (path: string) =>
      [...(await fetchText(path)).matchAll(/<h[1-6][^>]*\sid="([^"]+)"/g)].map((match) => match[1]);
    const differing: string[] = [];
    for (const slug of ALL_SLUGS) {
      const [zh = [], en = []] = await Promise.all(['zh', 'en'].map((lang) => headingIds(`${lang}/${slug ? `${slug}/` : ''}`)));
      if (zh.join(' ') !== en.join(' ')) differing.push(`/${slug}: zh ${zh.join(' ')} | en ${en.join(' ')}`);
    }
    expect(differing).toEqual([]);
  });

  test('the sitemap lists every page with both languages’ alternates and x-default', async () => {
    const sitemap = await fetchText('sitemap.xml');
    const canonical = (p: string) => new URL(p, inject('canonicalBase')).href;
    for (const slug of ALL_SLUGS) {
      for (const lang of ['zh', 'en']) expect(sitemap).toContain(`<loc>${canonical(`${lang}/${slug ? `${slug}/` : ''}`)}</loc>`);
    }
    expect(sitemap).toContain(
      `<xhtml:link rel="alternate" hreflang="zh-CN" href="${canonical('zh/mechanisms/value-delivery/')}"/><xhtml:link rel="alternate" hreflang="en" href="${canonical('en/mechanisms/value-delivery/')}"/><xhtml:link rel="alternate" hreflang="x-default" href="${canonical('')}"/>`,
    );
    expect(sitemap.match(/<url>/g)).toHaveLength(ALL_SLUGS.length * 2 + 1);
  });

  test('every page’s head carries canonical, both alternates, x-default and Open Graph tags', async () => {
    for (const lang of ['zh', 'en']) {
      for (const slug of ALL_SLUGS) {
        const path = `${lang}/${slug ? `${slug}/` : ''}`;
        const html = await fetchText(path);
        const canonical = (p: string) => new URL(p, inject('canonicalBase')).href;
        expect(html, path).toContain(`<link rel="canonical" href="${canonical(path)}">`);
        expect(html).toContain(`<link rel="alternate" hreflang="zh-CN" href="${canonical(`zh/${slug ? `${slug}/` : ''}`)}">`);
        expect(html).toContain(`<link rel="alternate" hreflang="en" href="${canonical(`en/${slug ? `${slug}/` : ''}`)}">`);
        expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${canonical('')}">`);
        expect(html).toMatch(/<meta property="og:title" content="[^"]+">/);
        expect(html).toContain(`<meta property="og:url" content="${canonical(path)}">`);
        expect(html).toMatch(/<meta name="citation_title" content="[^"]+">/);
      }
    }
  });
});
