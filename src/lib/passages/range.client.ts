import { fill, parseRange, passageStrings, rangeLabel } from './labels';

/*
 * Assigned passages (docs/contract.md, "Passages, ranges and quotes"): `?p=FIRST..LAST` marks the
 * paragraphs, or the sentences, from FIRST to LAST, visibly and for assistive technology (the bar
 * is a live region that names the passage, a hidden marker at the passage's start says it again
 * where it begins, and each marked element is described by the bar), with a bar that can be
 * dismissed ("Show all"). Ids that are not on the page, of two kinds, or reversed, are ignored
 * with a notice. Loaded only when the page is opened with ?p=.
 */

const KINDS = { paragraph: 'main p.para[id]', sentence: 'main p.para[id] .sentence[id]' } as const;

/** The elements from `first` to `last` of one kind on this page, or undefined when the range does not fit the page. */
function passage(first: string, last: string): HTMLElement[] | undefined {
  for (const selector of Object.values(KINDS)) {
    const elements = [...document.querySelectorAll<HTMLElement>(selector)];
    const from = elements.findIndex((element) => element.id === first);
    const to = elements.findIndex((element) => element.id === last);
    if (from !== -1 && to !== -1) return from <= to ? elements.slice(from, to + 1) : undefined;
  }
  return undefined;
}

/** Reads ?p=, marks the passage and shows the bar (or the notice for a range that does not fit). */
export function markRange(host: HTMLElement): void {
  const strings = passageStrings(host.dataset['strings']);
  const raw = new URLSearchParams(location.search).get('p') ?? '';
  const range = parseRange(raw);
  const elements = range && passage(range.first, range.last);
  const bar = document.createElement('div');
  bar.className = 'passage-bar docked';
  bar.id = 'assigned-passage';
  bar.setAttribute('role', 'status');
  const message = document.createElement('span');
  message.className = 'passage-message';
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = strings['passage.showAll'];
  bar.append(message, dismiss);
  document.body.append(bar);
  // The page ends above the bar, so it never covers the last lines or the footer for good; the bar
  // grows with the reader's text size or a turned phone.
  const clearBar = (height: string) => {
    document.body.style.paddingBottom = height;
    document.documentElement.style.scrollPaddingBottom = height;
  };
  const resized = new ResizeObserver(() => clearBar(`calc(${bar.offsetHeight}px + 1.5rem)`));
  resized.observe(bar);
  const marker = document.createElement('span');
  marker.className = 'visually-hidden passage-start';

  dismiss.addEventListener('click', () => {
    for (const element of elements ?? []) {
      element.classList.remove('assigned');
      element.removeAttribute('aria-describedby');
    }
    bar.remove();
    marker.remove();
    resized.disconnect();
    clearBar('');
    // The address keeps the place but no longer the passage.
    const url = new URL(location.href);
    url.searchParams.delete('p');
    history.replaceState(history.state, '', url);
  });

  // Filled after the live region is in the page, so screen readers announce it.
  requestAnimationFrame(() => {
    if (!range || !elements) {
      message.textContent = fill(strings['passage.ignored'], { range: raw });
      bar.dataset['ignored'] = '';
      return;
    }
    // The range on one line ("¶2–4", never "¶2–" above "4"), within the sentence around it.
    const label = document.createElement('span');
    label.style.whiteSpace = 'nowrap';
    label.textContent = rangeLabel(range.first, range.last, strings);
    const [before = '', after = ''] = strings['passage.assigned'].split('{range}');
    message.append(before, label, after);
    for (const element of elements) {
      element.classList.add('assigned');
      element.setAttribute('aria-describedby', bar.id);
    }
    const first = elements[0];
    if (!first) return;
    marker.textContent = `${message.textContent} `;
    first.prepend(marker);
    if (!location.hash) first.scrollIntoView({ block: 'start' });
  });
}
