import { parseAnchor } from '../anchors/ids';
import { fill, parseRange, passageStrings, rangeLabel } from './labels';

/*
 * Assigned passages (docs/contract.md, "Passages, ranges and quotes"): `?p=FIRST..LAST` marks the
 * paragraphs, or the sentences, from FIRST to LAST, visibly and for assistive technology (the bar
 * is a live region that names the passage, a hidden marker at the passage's start says it again
 * where it begins, and each marked element is described by the bar), with a bar that can be
 * dismissed ("Show all"). A range written backwards is read forwards, and one from a paragraph
 * to a sentence (or back) runs from sentence to sentence; ids that are not on the page are
 * ignored with a notice. Loaded only when the page is opened with ?p=.
 */

const KINDS = { paragraph: 'main p.para[id]', sentence: 'main p.para[id] .sentence[id]' } as const;

const isSentence = (id: string) => parseAnchor(id)?.sentence !== undefined;
/** The sentences of the paragraph `id` on this page, in order. */
const sentencesOf = (id: string) => [...(document.getElementById(id)?.querySelectorAll<HTMLElement>('.sentence[id]') ?? [])];

/** The elements from `first` to `last` (in either order) of one kind on this page, or undefined when the range does not fit the page. */
function passage(first: string, last: string): HTMLElement[] | undefined {
  if (isSentence(first) !== isSentence(last)) {
    // The paragraph end stands for all its sentences; which one, the order on the page decides.
    const [paragraph, sentence] = isSentence(first) ? [last, first] : [first, last];
    const sentences = sentencesOf(paragraph);
    const [opening, closing] = [sentences[0], sentences.at(-1)];
    const other = document.getElementById(sentence);
    if (!other || !opening || !closing) return undefined;
    const sentenceFirst = opening.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_PRECEDING;
    return passage(sentence, (sentenceFirst ? closing : opening).id);
  }
  for (const selector of Object.values(KINDS)) {
    const elements = [...document.querySelectorAll<HTMLElement>(selector)];
    const from = elements.findIndex((element) => element.id === first);
    const to = elements.findIndex((element) => element.id === last);
    if (from !== -1 && to !== -1) return elements.slice(Math.min(from, to), Math.max(from, to) + 1);
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
    const first = elements?.[0];
    const last = elements?.at(-1);
    if (!first || !last) {
      message.textContent = fill(strings['passage.ignored'], { range: raw });
      bar.dataset['ignored'] = '';
      // Nothing is hidden or marked: the button only closes the notice.
      dismiss.textContent = strings['passage.close'];
      return;
    }
    // The range on one line ("¶2–4", never "¶2–" above "4"), within the sentence around it, as marked.
    const label = document.createElement('span');
    label.style.whiteSpace = 'nowrap';
    label.textContent = rangeLabel(first.id, last.id, strings);
    const [before = '', after = ''] = strings['passage.assigned'].split('{range}');
    message.append(before, label, after);
    for (const element of elements ?? []) {
      element.classList.add('assigned');
      element.setAttribute('aria-describedby', bar.id);
    }
    marker.textContent = `${message.textContent} `;
    first.prepend(marker);
    if (!location.hash) first.scrollIntoView({ block: 'start' });
  });
}
