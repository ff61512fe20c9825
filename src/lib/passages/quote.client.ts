import { citedQuote, type QuoteCitation } from '../citations/pinpoint';
import { canonicalUrl } from '../site/canonical-url.client';
import { fill, passageStrings, rangeLabel, rangeUrl } from './labels';
import { textDirective, wholeWords } from './text-fragment';

/*
 * The quote offer (loaded on the first selection): selecting text inside a paper paragraph offers
 * "copy quote with citation" and "copy link to passage" (a text fragment on the paragraph's id,
 * whole words, clamped to the paragraph where the selection starts); a selection that runs over
 * several paragraphs also offers a link to that range (?p=FIRST..LAST).
 */

const PARAGRAPHS = 'main p.para[id]';

/** The reader's date, YYYY-MM-DD (Swedish dates are ISO dates), for a reference's date of access, as CiteThis.astro gives it. */
const today = () => new Date().toLocaleDateString('sv-SE');

/**
 * What a paragraph holds besides the paper's words: the copy-link button, the link to the other
 * language, the assigned passage's hidden marker (the site's controls are kept out of the index too).
 */
const NOT_THE_PAPER = '.copy-link, .other-lang, .passage-start, [data-pagefind-ignore]';

/** A paragraph's text nodes as the reader reads them, without the site's controls inside it. */
function textNodes(paragraph: Element): Text[] {
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(NOT_THE_PAPER) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

/** The paragraph's text and where the selection's part inside it starts and ends. */
function selectedPart(paragraph: Element, range: Range): { text: string; start: number; end: number } | undefined {
  let text = '';
  let start: number | undefined;
  let end: number | undefined;
  for (const node of textNodes(paragraph)) {
    const length = node.data.length;
    if (node === range.startContainer) start = text.length + range.startOffset;
    else if (start === undefined && range.comparePoint(node, 0) === 0) start = text.length;
    if (node === range.endContainer) end = text.length + range.endOffset;
    else if (range.comparePoint(node, length) === 0) end = text.length + length;
    text += node.data;
  }
  return start === undefined || end === undefined || end <= start ? undefined : { text, start, end };
}

/** Everything the offer needs about the current selection, or undefined when it is not in a paper paragraph. */
function readSelection():
  { paragraph: Element; end: Element | undefined; quote: string; link: string; range?: [string, string] } | undefined {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const paragraphOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest(PARAGRAPHS) ?? undefined;
  const paragraphs = [...document.querySelectorAll(PARAGRAPHS)].filter((paragraph) => range.intersectsNode(paragraph));
  const paragraph = paragraphOf(range.startContainer) ?? paragraphs[0];
  if (!paragraph) return undefined;
  const part = selectedPart(paragraph, range);
  if (!part) return undefined;
  const locale = document.documentElement.lang;
  const [start, end] = wholeWords(part.text, part.start, part.end, locale);
  if (end <= start) return undefined;
  const before = document.createRange();
  before.setStart(document.querySelector('main') ?? document.body, 0);
  before.setEndBefore(paragraph);
  const directive = textDirective(part.text, start, end, locale, before.toString());
  const last = paragraphs.at(-1);
  return {
    paragraph,
    end: paragraphOf(range.endContainer),
    quote: part.text.slice(start, end),
    link: `${canonicalUrl()}#${paragraph.id}:~:${directive}`,
    ...(last && last !== paragraph ? { range: [paragraph.id, last.id] as [string, string] } : {}),
  };
}

let offer: HTMLElement | undefined;
/** Whether a finger or the mouse is down on the offer: a tap may clear the selection before its click arrives. */
let pressing = false;

/** Places the offer below the selection, or docks it at the bottom on touch screens. */
function place(element: HTMLElement): void {
  const docked = matchMedia('(pointer: coarse)').matches;
  // On touch screens the system's selection menu sits above the selection.
  element.classList.toggle('docked', docked);
  if (docked) {
    element.style.removeProperty('top');
    element.style.removeProperty('left');
    return;
  }
  const rects = getSelection()?.getRangeAt(0).getClientRects();
  const rect = rects?.[rects.length - 1];
  if (!rect) return;
  const width = element.offsetWidth;
  element.style.top = `${Math.min(rect.bottom + 8, innerHeight - element.offsetHeight - 8)}px`;
  element.style.left = `${Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8))}px`;
}

function hide(): void {
  if (offer) offer.hidden = true;
}

/** Shows the offer for the current selection, or hides it when there is nothing to quote. */
function update(host: HTMLElement): void {
  const current = readSelection();
  if (!current) {
    if (!pressing) hide();
    return;
  }
  const strings = passageStrings(host.dataset['strings']);
  const citation = JSON.parse(host.dataset['cite'] ?? '{}') as QuoteCitation;
  const status = host.querySelector('[role="status"]');
  const say = (message: string | undefined) => {
    if (status) status.textContent = message ?? '';
  };
  const button = (label: string | undefined, text: string, done: string | undefined): HTMLButtonElement => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = label ?? '';
    element.addEventListener('click', () => {
      void navigator.clipboard.writeText(text).then(() => say(done));
    });
    return element;
  };
  if (!offer) {
    offer = document.createElement('div');
    offer.className = 'passage-offer';
    offer.setAttribute('role', 'group');
    offer.setAttribute('aria-label', strings['passage.offer']);
    // Pressing a button must not collapse the selection it acts on.
    offer.addEventListener('mousedown', (event) => event.preventDefault());
    offer.addEventListener('pointerdown', () => (pressing = true));
    for (const type of ['click', 'pointercancel'] as const) offer.addEventListener(type, () => (pressing = false));
  }
  // Right after the paragraph where the selection ends (outside the selection), so that Tab
  // reaches the offer next from a keyboard selection; it is fixed on screen, so nothing shifts.
  if (current.end && offer.previousElementSibling !== current.end) current.end.after(offer);
  else if (!offer.isConnected) document.body.append(offer);
  const buttons = [
    button(
      strings['passage.copyQuote'],
      citedQuote(current.quote, current.paragraph.id, citation, today()),
      strings['passage.quoteCopied'],
    ),
    button(strings['passage.copyLink'], current.link, strings['passage.linkCopied']),
  ];
  if (current.range) {
    const [first, last] = current.range;
    const label = fill(strings['passage.copyRange'], { range: rangeLabel(first, last, strings) });
    buttons.push(button(label, rangeUrl(canonicalUrl(), first, last), strings['passage.linkCopied']));
  }
  offer.replaceChildren(...buttons);
  offer.hidden = false;
  place(offer);
}

let started = false;

/** Starts the offer (once) and shows it for the current selection. */
export function offerQuote(host: HTMLElement): void {
  if (started) return; // its own listener follows the selection from here on
  {
    started = true;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => update(host));
    };
    document.addEventListener('selectionchange', schedule);
    addEventListener('scroll', () => offer && !offer.hidden && place(offer), { passive: true });
    addEventListener('keydown', (event) => event.key === 'Escape' && hide());
  }
  update(host);
}
