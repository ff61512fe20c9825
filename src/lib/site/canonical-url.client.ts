/** The page's canonical URL (SITE_URL and the base path), never the query or fragment it was opened with. */
export function canonicalUrl(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.pathname;
  const url = new URL(canonical, location.href);
  url.search = '';
  url.hash = '';
  return url.href;
}
