/**
 * The other language, paragraph by paragraph, on a section page (OtherLanguageLinks.astro): a
 * paragraph's link to its other-language version shows that version in place instead, fetched
 * once from the other language's page. Shipped to the browser, loaded on first use.
 */

/** `<html lang>` of the paper's own language (HTML_LANG.zh in src/i18n/utils.ts): "original first" puts it first. */
const ORIGINAL_LANG = 'zh-CN';

const pages = new Map<string, Promise<Document>>();

function otherPage(path: string): Promise<Document> {
  let page = pages.get(path);
  if (!page) {
    page = fetch(path).then(async (response) => {
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return new DOMParser().parseFromString(await response.text(), 'text/html');
    });
    pages.set(path, page);
  }
  return page;
}

const paragraphOf = (element: Element) => element.closest<HTMLElement>('p.para[id]');
const shownFor = (paragraph: HTMLElement) => document.querySelector<HTMLElement>(`.other-lang-text[data-for="${paragraph.id}"]`);

/**
 * The other version of a paragraph, to show beside this one: in its language, without ids (this
 * page has them; sentences keep theirs as data-sentence) nor links to previews this page lacks,
 * and left out of search (the other language's page is indexed in its own language).
 */
function copyOf(source: Element, paragraph: HTMLElement, lang: string): HTMLElement {
  const copy = document.importNode(source, true) as HTMLElement;
  copy.querySelector('.other-lang')?.remove();
  for (const sentence of copy.querySelectorAll<HTMLElement>('.sentence[id]')) sentence.dataset['sentence'] = sentence.id;
  for (const element of [copy, ...copy.querySelectorAll('[id], [aria-describedby]')]) {
    element.removeAttribute('id');
    element.removeAttribute('aria-describedby');
  }
  copy.removeAttribute('data-pagefind-title');
  copy.className = 'other-lang-text';
  copy.lang = lang;
  copy.dataset['for'] = paragraph.id;
  copy.dataset['pagefindIgnore'] = 'all';
  return copy;
}

async function show(link: HTMLAnchorElement, otherFirst: boolean): Promise<void> {
  const paragraph = paragraphOf(link);
  if (!paragraph || shownFor(paragraph)) return;
  const source = (await otherPage(new URL(link.href).pathname)).getElementById(paragraph.id);
  // Another call may have shown it while the page was on its way.
  if (!source || shownFor(paragraph)) return;
  const copy = copyOf(source, paragraph, link.hreflang);
  if (otherFirst) paragraph.before(copy);
  else paragraph.after(copy);
  link.setAttribute('aria-expanded', 'true');
}

function hide(link: HTMLAnchorElement): void {
  const paragraph = paragraphOf(link);
  if (paragraph) shownFor(paragraph)?.remove();
  link.setAttribute('aria-expanded', 'false');
}

/** Shows a paragraph's other language right below it, or hides it again. */
export async function toggleParagraph(link: HTMLAnchorElement): Promise<void> {
  const paragraph = paragraphOf(link);
  if (paragraph && shownFor(paragraph)) hide(link);
  else await show(link, false);
}

/** Shows both languages for every paragraph when the reader chose so (data-both), in the reader's order (data-order); otherwise none. */
export async function showBothLanguages(): Promise<void> {
  const root = document.documentElement;
  const links = [...document.querySelectorAll<HTMLAnchorElement>('main a.other-lang')];
  links.forEach(hide);
  if (!root.dataset['both']) return;
  const translationFirst = root.dataset['order'] === 'translation';
  await Promise.all(links.map((link) => show(link, (link.hreflang === ORIGINAL_LANG) !== translationFirst)));
}

/**
 * On arrival at a paragraph or sentence (#s3-2-1-p2), with its other version shown first, brings
 * that version (or its version of the sentence) to the top: the browser scrolled to the page's own,
 * which the version then pushed below it, leaving what the reader reads first above the screen.
 */
export function revealArrival(): void {
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const paragraph = target && paragraphOf(target);
  const copy = paragraph && shownFor(paragraph);
  if (!target || !copy || copy.nextElementSibling !== paragraph) return;
  (copy.querySelector(`[data-sentence="${CSS.escape(target.id)}"]`) ?? copy).scrollIntoView({ block: 'start' });
}
