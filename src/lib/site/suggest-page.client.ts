// No imports: the 404 page's script ships this to the browser.

const PARALLEL = 'parallel';

/** A path's language, the name of its page (last segment but a trailing "parallel") and whether it is a parallel view. */
function partsOf(path: string): { lang: string; name: string; parallel: boolean } {
  const segments = path.toLowerCase().split('/').filter(Boolean);
  const parallel = segments.at(-1) === PARALLEL;
  if (parallel) segments.pop();
  return { lang: segments[0] ?? '', name: segments.at(-1) ?? '', parallel };
}

/** Levenshtein distance: how many letters to add, drop or change to turn one name into the other. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * For a path that reached the 404 page, the page the reader most likely meant, among `pages`
 * (paths under the base such as "en/mechanisms/value-delivery/"): the same path with its missing
 * final slash; or else the page of that name (an old-style "/en/value-delivery/"), or of the
 * nearest name when a few letters are mistyped ("value-creation" for "value-co-creation"),
 * in the same language and the same view (section or parallel) where there is one.
 * Returns undefined when nothing fits.
 * @param path the requested path, without the base path
 */
export function suggestPage(path: string, pages: readonly string[]): { page: string; exact: boolean } | undefined {
  const wanted = path.toLowerCase().replace(/^\/+|\/+$/g, '');
  const exact = pages.find((page) => page.replace(/\/$/, '') === wanted);
  if (exact) return { page: exact, exact: true };

  const request = partsOf(wanted);
  if (!request.name) return undefined;
  // A third of the name may be mistyped, so a short name never matches an unrelated one.
  const tolerance = Math.floor(request.name.length / 3);
  const ranked = pages
    .map((page) => ({ page, ...partsOf(page) }))
    .filter((candidate) => candidate.name)
    .map((candidate) => ({
      page: candidate.page,
      distance: editDistance(request.name, candidate.name),
      // Same language first, then the same view.
      mismatch: (candidate.lang === request.lang ? 0 : 2) + (candidate.parallel === request.parallel ? 0 : 1),
    }))
    .filter((candidate) => candidate.distance <= tolerance)
    .sort((a, b) => a.distance - b.distance || a.mismatch - b.mismatch);
  return ranked[0] ? { page: ranked[0].page, exact: false } : undefined;
}
