import { z } from 'astro/zod';
import { SECTION_NUMBER } from '../anchors/ids';

/** The parts of the paper: the search filter and the contents group by them. */
const PARTS = [
  'front',
  'introduction',
  'literature-review',
  'case-analysis',
  'mechanisms',
  'performance',
  'conclusions',
  'about',
] as const;
export type Part = (typeof PARTS)[number];

/** Parts that are not a numbered section of the paper. */
const UNNUMBERED_PARTS: readonly Part[] = ['front', 'about'];

/**
 * Frontmatter of every page in content/{zh,en}/. The body holds the section's own text;
 * the page's top heading is drawn from `section` and `title`.
 */
export const pageSchema = z
  .object({
    /** The paper section this page opens, e.g. "3.2.1". Absent on the front matter and about pages. */
    section: z
      .string()
      .regex(SECTION_NUMBER, 'section must be a paper section number such as "3.2.1"')
      .optional(),
    /** The section's title in this language, without its number. */
    title: z
      .string()
      .regex(/\S/, 'title must not be empty')
      .refine((title) => !/^\d+(?:\.\d+)*\.?\s/.test(title), 'title must not start with its number: the page draws the number from `section`'),
    /** Which part of the paper the page belongs to (search filter, contents). */
    part: z.enum(PARTS),
    /** The abstract, on the front matter page only. */
    abstract: z.string().min(1).optional(),
    /** The keywords, on the front matter page only. */
    keywords: z.array(z.string().min(1)).min(1).optional(),
  })
  .refine(
    (page) => UNNUMBERED_PARTS.includes(page.part) === (page.section === undefined),
    'a section page needs `section`; the front matter and about pages have none',
  )
  .refine(
    (page) => (page.part === 'front') === (page.abstract !== undefined && page.keywords !== undefined),
    'the front matter page (part: front) needs `abstract` and `keywords`, and only it has them',
  );

