// No imports: the 404 page's script ships this to the browser.

/**
 * For a path that reached the 404 page, the page the reader most likely meant, among `pages`
 * (paths under the base such as "en/mechanisms/value-delivery/"): the same path with its missing
 * final slash, or else a page of the same language whose last segment matches (an old-style
 * "/en/value-delivery/"). Returns undefined when nothing fits.
 * @param path the requested path, without the base path
 */
export function suggestPage(path: string, pages: readonly string[]): { page: string; exact: boolean } | undefined {
  const wanted = path.toLowerCase().replace(/^\/+|\/+$/g, '');
  const exact = pages.find((page) => page.replace(/\/$/, '') === wanted);
  if (exact) return { page: exact, exact: true };
  const [lang] = wanted.split('/');
  const last = wanted.split('/').at(-1);
  const sameName = pages.filter((page) => page.replace(/\/$/, '').split('/').at(-1) === last);
  const match = sameName.find((page) => page.startsWith(`${lang}/`)) ?? sameName[0];
  return match ? { page: match, exact: false } : undefined;
}
