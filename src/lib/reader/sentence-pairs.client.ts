/**
 * Sentence pairs in the parallel view (ParallelView.astro): pointing at, tapping or focusing a
 * sentence highlights its counterpart in the other column (and, on tap or focus, scrolls it into
 * view when it is off screen). The page's own column has the sentence ids; the other column's
 * sentences carry the same id as data-sentence. Keyboard: one tab stop for all sentences, ↑ ↓
 * the previous or next sentence, ← → the counterpart. The focused sentence is followed by a
 * button that copies its link: next in the tab order, shown docked at the bottom of the screen
 * while the sentence or the button has focus, so that it never moves the text. Nothing is
 * announced but the copy, so screen readers read the text undisturbed. Shipped to the browser,
 * loaded on first use.
 */

import { canonicalUrl } from '../site/canonical-url.client';

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Starts the pairs in `view`; `early` are the events that came while this module loaded (a tap's
 * pointerover and click), handled in turn as if the pairs had been there.
 */
export function pairSentences(view: HTMLElement, early: readonly Event[] = []): void {
  const own = [...view.querySelectorAll<HTMLElement>('.sentence[id]')];
  const other = [...view.querySelectorAll<HTMLElement>('.sentence[data-sentence]')];
  const header = document.querySelector('.site-header');
  const status = view.querySelector('[role="status"]');
  for (const sentence of [...own, ...other]) if (!sentence.hasAttribute('tabindex')) sentence.tabIndex = -1;

  const idOf = (sentence: HTMLElement) => sentence.id || sentence.dataset['sentence'] || '';
  const counterpart = (sentence: HTMLElement) =>
    sentence.id ? view.querySelector<HTMLElement>(`[data-sentence="${sentence.id}"]`) : document.getElementById(idOf(sentence));
  const sentenceOf = (target: EventTarget | null) =>
    target instanceof Element && view.contains(target) ? target.closest<HTMLElement>('.sentence') : null;

  let paired: HTMLElement[] = [];
  const highlight = (sentence: HTMLElement, scroll: boolean) => {
    const partner = counterpart(sentence);
    for (const element of paired) element.classList.remove('paired');
    paired = partner ? [sentence, partner] : [sentence];
    for (const element of paired) element.classList.add('paired');
    if (!scroll || !partner) return;
    const box = partner.getBoundingClientRect();
    const top = header?.getBoundingClientRect().bottom ?? 0;
    if (box.bottom < top || box.top > innerHeight)
      partner.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
  };

  const copyButton = document.createElement('button');
  copyButton.type = 'button';
  copyButton.className = 'button sentence-link docked';
  copyButton.dataset['pagefindIgnore'] = '';
  // In the page's language, in whichever column's sentence it follows.
  copyButton.lang = document.documentElement.lang;
  const mark = document.createElement('span');
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = '# ';
  const label = document.createElement('span');
  const copyLabel = view.dataset['copySentence'] ?? '';
  label.textContent = copyLabel;
  copyButton.append(mark, label);
  let current = own[0];
  // A mouse or finger on the button leaves the focus on the sentence, so the button stays; the
  // pointer on its way to the button may have highlighted other sentences: the one it copies is back.
  copyButton.addEventListener('mousedown', (event) => event.preventDefault());
  copyButton.addEventListener('pointerover', () => {
    if (current) highlight(current, false);
  });
  copyButton.addEventListener('click', () => {
    if (!current) return;
    // As the paragraph links do (CopyLinks.astro): the canonical address, not the query the page was opened with.
    const url = new URL(canonicalUrl());
    url.hash = idOf(current);
    void navigator.clipboard.writeText(url.href).then(() => {
      const copied = view.dataset['copied'] ?? '';
      if (status) status.textContent = copied;
      label.textContent = copied;
      setTimeout(() => {
        if (status) status.textContent = '';
        label.textContent = copyLabel;
      }, 2000);
    });
  });

  /** The focused sentence is the one tab stop, and the copy button follows it. */
  const makeCurrent = (sentence: HTMLElement) => {
    if (current && current !== sentence) current.tabIndex = -1;
    sentence.tabIndex = 0;
    current = sentence;
    sentence.after(copyButton);
  };

  const handlers: Record<string, (event: Event) => void> = {
    pointerover: (event) => {
      const sentence = sentenceOf(event.target);
      if (sentence) highlight(sentence, false);
    },
    focusin: (event) => {
      const sentence = sentenceOf(event.target);
      if (!sentence) return;
      highlight(sentence, true);
      if (event.target === sentence) makeCurrent(sentence);
    },
    click: (event) => {
      const sentence = sentenceOf(event.target);
      // A tap on a link inside a sentence follows the link (or shows its preview).
      if (sentence && event.target instanceof Element && !event.target.closest('a, button') && document.activeElement !== sentence) {
        sentence.focus({ preventScroll: true });
      }
    },
    keydown: (event) => {
      const sentence = sentenceOf(event.target);
      if (!sentence || event.target !== sentence || !(event instanceof KeyboardEvent)) return;
      const column = sentence.id ? own : other;
      const index = column.indexOf(sentence);
      const next = {
        ArrowDown: column[index + 1],
        ArrowUp: column[index - 1],
        ArrowLeft: counterpart(sentence),
        ArrowRight: counterpart(sentence),
        Home: column[0],
        End: column.at(-1),
      }[event.key];
      if (!next) return;
      event.preventDefault();
      next.focus();
    },
  };
  for (const [type, handler] of Object.entries(handlers)) view.addEventListener(type, handler);
  for (const event of early) handlers[event.type]?.(event);

  // A link to a sentence lands on it (:target); its counterpart is highlighted too.
  const landed = () => {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target?.classList.contains('sentence') && view.contains(target)) highlight(target, false);
  };
  landed();
  addEventListener('hashchange', landed);
}
