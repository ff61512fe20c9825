/**
 * Highlighting on a page opened from a search result (SearchDialog.astro loads this only when the
 * address carries `?highlight=`). Shipped to the browser.
 */

/**
 * Where the words are marked: the element the result points to, or for a heading, the heading and
 * what follows it up to the next heading of its rank or above (its section, its timeline, its entry).
 */
function highlightContext(target: Element): Element[] {
  const rank = /^H([1-6])$/.exec(target.tagName)?.[1];
  if (!rank) return [target];
  const context = [target];
  for (let next = target.nextElementSibling; next; next = next.nextElementSibling) {
    const nextRank = /^H([1-6])$/.exec(next.tagName)?.[1];
    if (nextRank && nextRank <= rank) break;
    context.push(next);
  }
  return context;
}

/**
 * Marks the words of `?{param}=` with Pagefind's highlight script in the place the link points to
 * (or the page when it points nowhere), then takes the parameter out of the address, so that a link
 * copied afterwards is clean.
 */
export async function highlightOnArrival(bundlePath: string, param: string): Promise<void> {
  const url = new URL(location.href);
  const target = url.hash ? document.getElementById(decodeURIComponent(url.hash.slice(1))) : null;
  url.searchParams.delete(param);
  const { default: PagefindHighlight } = (await import(/* @vite-ignore */ `${bundlePath}pagefind-highlight.js`)) as {
    default: new (options: Record<string, unknown>) => unknown;
  };
  new PagefindHighlight({
    highlightParam: param,
    markContext: target ? highlightContext(target) : null,
    // The page's stylesheet styles the marks: an injected <style> would break the CSP.
    addStyles: false,
    markOptions: { className: 'search-highlight', acrossElements: true, exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'] },
  });
  history.replaceState(history.state, '', url);
}
