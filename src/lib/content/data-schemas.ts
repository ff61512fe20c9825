import { z } from 'astro/zod';
import { SECTION_NUMBER } from '../anchors/ids';
import { glossarySchema } from '../glossary/concepts';
import { termbaseSchema } from '../translation/termbase';

/*
 * The schema of every data file under content/ (the MDX pages' frontmatter is schema.ts). The
 * config validates them all before anything is built (content-files.ts), so a wrong date or a
 * missing translation fails the build instead of printing "Invalid Date" to readers.
 */

/** Text a reader sees: something besides spaces. */
const text = z.string().regex(/\S/, 'must not be empty');
/** Reader-visible text in both languages. */
const bilingual = z.strictObject({ zh: text, en: text });
/** A date as ISO 8601 writes it, and a real one. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD, e.g. 2024-04-11')
  // (A date in another format is reported by the regex alone.)
  .refine((date) => {
    const time = Date.parse(`${date}T00:00:00Z`);
    return !/^\d{4}-\d{2}-\d{2}$/.test(date) || (!Number.isNaN(time) && new Date(time).toISOString().startsWith(date));
  }, 'is not a date of the calendar');
/** A paper paragraph's anchor, as docs/contract.md writes them: "s3-2-3-p3". */
const paragraphId = z.string().regex(/^s\d+(?:-\d+)*-p\d+$/, 'must be a paragraph anchor such as s3-2-3-p3');

/** content/paper.json: the paper's bibliographic facts, exactly as the source gives them. */
export const paperSchema = z.strictObject({
  title: bilingual,
  authors: z
    .array(z.strictObject({ zh: text, en: text, family: text, given: text, familyZh: text, givenZh: text }))
    .min(1, 'the paper has authors'),
  affiliation: bilingual,
  received: isoDate,
  accepted: isoDate,
  published: isoDate,
  publisher: text,
  copyright: text.regex(/©\s*\d{4}/, 'must give the year after ©, as the source does: "Copyright © 2024 by …"'),
  license: z.strictObject({ name: text, title: text, url: z.url({ protocol: /^https?$/ }) }),
  funding: bilingual,
});

/** content/translation.json: this site's English translation, dated by its current revision (the about page's). */
export const translationSchema = z.strictObject({ date: isoDate });

/** content/data/key-figures.json: the figures table; `place` is the paragraph that states the figure. */
export const keyFiguresSchema = z.array(
  z.strictObject({
    measure: bilingual,
    value: bilingual,
    when: bilingual,
    source: bilingual,
    place: paragraphId,
    chart: z.strictObject({ percent: z.number().min(0).max(100), lowerBound: z.boolean() }).optional(),
  }),
);

/** content/data/timeline.json: the timeline; `places` are the paragraphs that tell each event. */
export const timelineSchema = z.array(
  z.strictObject({ when: bilingual, what: bilingual, places: z.array(paragraphId).min(1, 'an event names the paragraphs that tell it') }),
);

/** content/data/annotations.json: the titles and introductions of the site's annotations (the timeline, the key figures). */
export const annotationsSchema = z.strictObject({
  timeline: z.strictObject({ title: bilingual, intro: bilingual }),
  keyFigures: z.strictObject({ title: bilingual, intro: bilingual, chartTitle: bilingual }),
});

/** content/figures/fig-N.json: a figure drawn as SVG, its labels one line per array item. */
export const figureSchema = z.strictObject({
  number: z.number().int().positive(),
  caption: bilingual,
  credit: bilingual,
  description: bilingual,
  labels: z.record(z.string(), z.strictObject({ zh: z.array(text).min(1), en: z.array(text).min(1) })),
  sections: z.record(z.string(), z.string().regex(SECTION_NUMBER, 'must be a paper section number such as "3.2.1"')),
});

/**
 * Which schema each data file under content/ follows, by its path inside content/. A JSON file
 * that matches none fails the build: a new data file needs its schema here.
 */
export const DATA_SCHEMAS: readonly { pattern: RegExp; schema: z.ZodType }[] = [
  { pattern: /^paper\.json$/, schema: paperSchema },
  { pattern: /^glossary\.json$/, schema: glossarySchema },
  { pattern: /^termbase\.json$/, schema: termbaseSchema },
  { pattern: /^translation\.json$/, schema: translationSchema },
  { pattern: /^data\/annotations\.json$/, schema: annotationsSchema },
  { pattern: /^data\/key-figures\.json$/, schema: keyFiguresSchema },
  { pattern: /^data\/timeline\.json$/, schema: timelineSchema },
  { pattern: /^figures\/fig-\d+\.json$/, schema: figureSchema },
];
