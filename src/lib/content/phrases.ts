const HAN = /\p{Script=Han}/u;
/** Opening brackets and quotes: they go with the word after them. */
const OPENING = /^[\p{Ps}\p{Pi}]+$/u;
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Chinese text cut where a title may break its line: between words (ICU's dictionary), a
 * single character with the word just before it (价值共创, 理论下, 发烧友), closing punctuation with the
 * word before it, opening brackets with the word after, and no cut where a space already allows a
 * break. Joined, the phrases are the text. Browsers break Chinese between any two characters,
 * which in a short title splits words ("小米公 / 司"); a title set with `word-break: keep-all` and
 * a <wbr> between these phrases breaks between words only.
 */
export function chinesePhrases(text: string): string[] {
  const phrases: string[] = [];
  for (const { segment, isWordLike } of words.segment(text)) {
    const previous = phrases.at(-1);
    const single = [...segment].length === 1 && HAN.test(segment);
    const afterBreak = previous === undefined || /\s$/.test(previous) || OPENING.test(previous.slice(-1));
    // A single character joins the word before it, not a dash or a colon before it.
    const joinsPrevious = single && HAN.test(previous?.slice(-1) ?? '');
    const startsPhrase = previous === undefined || (!afterBreak && (OPENING.test(segment) || (isWordLike && !joinsPrevious)));
    if (startsPhrase) phrases.push(segment);
    else phrases[phrases.length - 1] += segment;
  }
  return phrases;
}
