/**
 * Pagefind's URL parameter carrying the words a page opened from a search result highlights: set by
 * the result list (search-ui.ts), read and then removed by SearchDialog.astro on arrival.
 */
export const HIGHLIGHT_PARAM = 'highlight';
