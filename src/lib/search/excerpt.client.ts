// No imports: the search script ships this to the browser.

/**
 * Pagefind's excerpt (its escaped text with <mark> around the matches), tidied where Pagefind's
 * joining of blocks shows in Chinese: the space it puts after a full-width mark before more
 * Chinese, and an excerpt that starts with the dot of a section number ("3.2.1.") or with a
 * Chinese punctuation mark it was cut after (，、；：。！？). Full stops are kept: a "." after
 * Chinese text may be Pagefind's or the text's own (a GB/T 7714 reference, "米粉. 2)"), and
 * nothing tells them apart.
 */
export function tidyExcerpt(html: string): string {
  return html
    .replace(/^\. /, '')
    .replace(/^[，、；：。！？]\s*/u, '')
    .replace(/([。！？；：])((?:<\/mark>)?) (?=(?:<mark>)?\p{Script=Han})/gu, '$1$2');
}

/**
 * Whether an excerpt says nothing but its place's title (a heading's place, to which Pagefind adds
 * a full stop): showing it would repeat the title.
 */
export function onlyRepeatsTitle(html: string, title: string): boolean {
  return (
    html
      .replace(/<\/?mark>/g, '')
      .trim()
      .replace(/\.$/, '') === title.trim().replace(/\.$/, '')
  );
}
