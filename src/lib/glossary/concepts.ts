import { z } from 'astro/zod';
import { LANGS } from '../../i18n/utils';

const TERM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Text a reader sees: something besides spaces. */
const text = z.string().regex(/\S/, 'must not be empty');
const bilingual = z.object({ zh: text, en: text });

/** One concept of content/glossary.json. Definitions are the site's own, grounded in the paper. */
const conceptSchema = z.object({
  /** Lowercase ASCII with dashes; the glossary anchor is `#term-{id}`. */
  id: z.string().regex(TERM_ID, 'a concept id is lowercase ASCII words joined by dashes'),
  /** The paper's Chinese term. */
  zh: text,
  /** The English term used throughout the translation. */
  en: text,
  /** Other forms of the term that readers may search for, by language. */
  aliases: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }).default({ zh: [], en: [] }),
  /** A short definition in both languages. */
  definition: bilingual,
  /** Ids of related concepts. */
  related: z.array(z.string()).default([]),
});

/** The whole glossary: unique ids, and every related id defined. */
export const glossarySchema = z.array(conceptSchema).superRefine((concepts, context) => {
  const ids = new Set<string>();
  for (const concept of concepts) {
    if (ids.has(concept.id)) context.addIssue({ code: 'custom', message: `The concept id \`${concept.id}\` is defined twice` });
    ids.add(concept.id);
  }
  for (const concept of concepts) {
    for (const related of concept.related) {
      if (!ids.has(related))
        context.addIssue({ code: 'custom', message: `\`${concept.id}\` relates to \`${related}\`, which is not a concept` });
    }
  }
});

export type Concept = z.infer<typeof conceptSchema>;

/** Validates the parsed content/glossary.json; throws a readable error naming what is wrong. */
export function parseGlossary(json: unknown): Concept[] {
  const result = glossarySchema.safeParse(json);
  if (!result.success) {
    throw new Error(
      `content/glossary.json is invalid:\n${result.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`).join('\n')}`,
    );
  }
  return result.data;
}

/** Every term of a concept in one language: the term itself and its aliases. */
export function termsOf(concept: Concept, lang: (typeof LANGS)[number]): string[] {
  return [concept[lang], ...concept.aliases[lang]];
}
