/** Pagefind's URL parameter carrying the words a page opened from a search result highlights. */
export const HIGHLIGHT_PARAM = 'highlight';
