// No imports: the search script ships this to the browser.

/**
 * Pagefind's excerpt (its escaped text with <mark> around the matches) without the full stops
 * Pagefind adds where a heading or other block ends without punctuation: after Chinese text one
 * reads as a slip ("成长能力卓越."), since Chinese never ends a sentence with "."; the paper's own
 * numbers ("3.3.1.") and English stay as they are. An excerpt that starts just after a section
 * number ("3.2.1.") or a Chinese comma loses the dot or comma left at its start.
 */
export function tidyExcerpt(html: string): string {
  return (
    html
      .replace(/(\p{Script=Han}(?:<\/mark>)?)\.(?= |$)/gu, '$1')
      .replace(/^\. /, '')
      // An excerpt cut just after a Chinese mark starts at the next word, not with the mark.
      .replace(/^[，、；：。！？]\s*/u, '')
      // Pagefind joins blocks with a space, which Chinese does not put after its full-width marks.
      .replace(/([。！？；：])(?:<\/mark>)? (?=\S)/gu, (match) => match.slice(0, -1))
  );
}

/** Whether an excerpt says nothing but its place's title (a heading's place): showing it would repeat the title. */
export function onlyRepeatsTitle(html: string, title: string): boolean {
  return html.replace(/<\/?mark>/g, '').trim() === title.trim();
}
