import { z } from 'astro/zod';

/** One entry of content/termbase.json: a Chinese term and its one agreed English rendering. */
const termSchema = z.object({
  /** The Chinese term as it stands in the paper's paragraphs. */
  zh: z.string().trim().min(1),
  /** The agreed English rendering and only its inflected or capitalised forms (matched case-insensitively). */
  en: z.array(z.string().trim().min(1)).min(1),
  /** Renderings that must appear nowhere in the English; readers still type them, so search takes them for the agreed one. */
  forbidden: z.array(z.string().trim().min(1)).default([]),
  /**
   * Renderings that name something else (发烧友 is not 米粉, "Mi Fans"): as forbidden as the
   * others, but never a search alias, so a reader who types one searches for what they typed.
   */
  misreadings: z.array(z.string().trim().min(1)).optional(),
  /** Why this rendering (for translators; not shown). */
  note: z.string().optional(),
});

export const termbaseSchema = z.array(termSchema);
export type Term = z.infer<typeof termSchema>;

/** A Chinese block of the paper (paragraph or heading) and its aligned English, with where it is. */
export interface AlignedText {
  /** e.g. "content/en/introduction.mdx#s1-p1" */
  place: string;
  zh: string;
  en: string;
}

/**
 * The terminology check translation tools run: wherever a listed Chinese term occurs in a Chinese
 * block, the aligned English uses one of its agreed forms; no forbidden rendering nor misreading appears in any
 * English text. Returns one message per problem; none means consistent.
 * @param english every other English text the reader sees (glossary, data, figure labels), by place
 */
export function termbaseProblems(
  termbase: readonly Term[],
  aligned: readonly AlignedText[],
  english: readonly { place: string; text: string }[],
): string[] {
  const problems: string[] = [];
  const has = (text: string, form: string) => text.toLowerCase().includes(form.toLowerCase());
  for (const term of termbase) {
    for (const block of aligned) {
      if (block.zh.includes(term.zh) && !term.en.some((form) => has(block.en, form))) {
        problems.push(`${block.place}: 「${term.zh}」 is in the Chinese, but the English has none of: ${term.en.join(' / ')}`);
      }
    }
    for (const { place, text } of [...aligned.map((block) => ({ place: block.place, text: block.en })), ...english]) {
      for (const variant of [...term.forbidden, ...(term.misreadings ?? [])])
        if (has(text, variant)) problems.push(`${place}: “${variant}” is a forbidden rendering of 「${term.zh}」 (use ${term.en[0]})`);
    }
  }
  return problems;
}
