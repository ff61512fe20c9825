import { highlightPhrases, withHighlights } from '../lib/search/highlight';
import { onlyRepeatsTitle, tidyExcerpt } from '../lib/search/excerpt.client';
import { rankResults, type PageData, type RankedPage } from '../lib/search/rank-results.client';
import { normaliseQuery, translateQuery, type SearchTerms } from '../lib/search/translate-query.client';

/** What SearchBox.astro hands the browser in `data-config`. */
export interface SearchConfig {
  bundlePath: string;
  baseUrl: string;
  lang: string;
  /** The part filter's name, and its value for the glossary. */
  filter: string;
  glossaryPart: string;
  /** The URL parameter that carries the query's words to the page a result opens. */
  highlightParam: string;
  strings: Record<'searching' | 'zeroResults' | 'oneResult' | 'manyResults' | 'filters' | 'filterLegend' | 'filterCount', string>;
}

/** The part of Pagefind's JS API (pagefind.js) this search uses. */
interface PagefindResult {
  id: string;
  data(): Promise<PageData>;
}
interface PagefindSearch {
  results: PagefindResult[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string, options: Record<string, unknown>): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
export interface PagefindModule {
  createInstance(options: Record<string, unknown>): Pagefind;
}

/** Result pages whose fragments are fetched and shown at a time (each is 1–3 KB on the wire). */
const PAGE_SIZE = 4;
/** Places (sub-results) shown under a page. */
const PLACES_SHOWN = 3;

/** `results` with the glossary's result among the first page of results, if it is further down. */
function withGlossary(results: PagefindResult[], glossary: PagefindResult | undefined): PagefindResult[] {
  const at = results.findIndex((result) => result.id === glossary?.id);
  if (at < PAGE_SIZE) return results;
  const rest = results.filter((_, index) => index !== at);
  return [...rest.slice(0, PAGE_SIZE - 1), ...results.slice(at, at + 1), ...rest.slice(PAGE_SIZE - 1)];
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpts are its escaped text with <mark> around the matches. */
function excerpt(html: string): HTMLParagraphElement {
  const paragraph = element('p', 'search-excerpt');
  paragraph.innerHTML = tidyExcerpt(html);
  return paragraph;
}

/**
 * A lean result list on Pagefind's JS API: it fetches Pagefind's search script, its WebAssembly and
 * the language's rewriting terms once, then only the index chunks a query needs and the fragments of
 * the results shown; each result lists its best places (paragraph, concept, reference).
 */
export class SearchUI {
  readonly #root: HTMLElement;
  readonly #config: SearchConfig;
  readonly #ready: Promise<{ pagefind: Pagefind; terms: SearchTerms }>;
  readonly #status: HTMLElement;
  readonly #list: HTMLOListElement;
  readonly #more: HTMLButtonElement;
  #filterBox: HTMLElement | undefined;
  #results: PagefindResult[] = [];
  #shown = 0;
  #term = '';
  /** The phrases the pages opened from the results highlight (highlightPhrases). */
  #highlights: string[] = [];
  /** Counts searches, so that an answer to an earlier one is dropped. */
  #latest = 0;

  /** `pagefind` and `terms` are already loading: SearchBox.astro starts them beside this code. */
  constructor(root: HTMLElement, config: SearchConfig, pagefind: Promise<PagefindModule>, terms: Promise<SearchTerms>) {
    this.#root = root;
    this.#config = config;
    this.#ready = this.#load(pagefind, terms);
    this.#status = root.querySelector('.search-status') ?? element('p');
    this.#list = root.querySelector('.search-results') ?? element('ol');
    this.#more = root.querySelector('.search-more') ?? element('button');
    this.#more.addEventListener('click', () => void this.#showMore());
  }

  async #load(module: Promise<PagefindModule>, terms: Promise<SearchTerms>) {
    const { bundlePath, baseUrl, highlightParam } = this.#config;
    // No worker: it would fetch a second copy of the search script for a few milliseconds saved.
    const pagefind = (await module).createInstance({
      basePath: bundlePath,
      baseUrl,
      noWorker: true,
      excerptLength: 24,
      highlightParam,
      // Favour pages where the whole term recurs over long pages that match its single characters.
      ranking: { termFrequency: 0.4, termSimilarity: 2.0, pageLength: 0.6, termSaturation: 1.6 },
    });
    await pagefind.init();
    return { pagefind, terms: await terms };
  }

  /** Runs `query` (rewritten with the aliases) and shows its first results. */
  async search(query: string): Promise<void> {
    const { pagefind, terms } = await this.#ready;
    const term = translateQuery(query, terms);
    if (!term) {
      this.#list.replaceChildren();
      this.#status.textContent = '';
      this.#more.hidden = true;
      return;
    }
    // The query as typed, unless the aliases rewrote it.
    const typed = normaliseQuery(query) === term ? query.trim() : term;
    this.#status.textContent = this.#message('searching', typed);
    const filters = this.#filters();
    const ticket = ++this.#latest;
    // A glossary term always shows its concept: Pagefind ranks the long glossary page low.
    const concept = Object.keys(filters).length === 0 && Object.values(terms.aliases).includes(term);
    const [search, glossary] = await Promise.all([
      pagefind.search(term, { filters }),
      concept ? pagefind.search(term, { filters: { [this.#config.filter]: this.#config.glossaryPart } }) : undefined,
    ]);
    if (ticket !== this.#latest) return; // a later search superseded this one
    this.#term = term;
    this.#highlights = highlightPhrases(query, term);
    this.#results = withGlossary(search.results, glossary?.results[0]);
    this.#shown = 0;
    this.#list.replaceChildren();
    await this.#showMore();
    if (ticket !== this.#latest) return; // a later search answered meanwhile
    const count = search.results.length;
    this.#status.textContent = this.#message(count === 0 ? 'zeroResults' : count === 1 ? 'oneResult' : 'manyResults', typed, count);
    if (!this.#filterBox) void this.#buildFilters(pagefind);
  }

  #message(key: keyof SearchConfig['strings'], term: string, count = 0): string {
    return this.#config.strings[key].replace('[SEARCH_TERM]', `“${term}”`).replace('[COUNT]', String(count));
  }

  #filters(): Record<string, unknown> {
    const checked = [...this.#root.querySelectorAll<HTMLInputElement>('.search-filter input:checked')].map((input) => input.value);
    return checked.length ? { [this.#config.filter]: { any: checked } } : {};
  }

  async #showMore(): Promise<void> {
    const term = this.#term;
    const batch = this.#results.slice(this.#shown, this.#shown + PAGE_SIZE);
    const pages = await Promise.all(batch.map((result) => result.data()));
    if (term !== this.#term) return;
    this.#shown += batch.length;
    this.#list.append(...rankResults(term, pages).map((ranked) => this.#render(ranked)));
    this.#more.hidden = this.#shown >= this.#results.length;
  }

  #render({ page, places }: RankedPage): HTMLLIElement {
    const item = element('li', 'search-result');
    const link = element('a', 'search-result-link', page.meta['title'] ?? page.url);
    link.href = withHighlights(page.url, this.#highlights);
    item.append(link);
    // A place needs an anchor of its own below the page's heading: the heading's place would
    // repeat the result's title.
    const shown = places.filter((place) => place.anchor && place.anchor.element !== 'h1').slice(0, PLACES_SHOWN);
    if (shown.length === 0) {
      item.append(excerpt(page.excerpt));
      return item;
    }
    const list = element('ul', 'search-places');
    for (const place of shown) {
      const entry = element('li', 'search-place');
      const placeLink = element('a', 'search-place-link', place.title);
      placeLink.href = withHighlights(place.url, this.#highlights);
      entry.append(placeLink);
      if (!onlyRepeatsTitle(place.excerpt, place.title)) entry.append(excerpt(place.excerpt));
      list.append(entry);
    }
    item.append(list);
    return item;
  }

  async #buildFilters(pagefind: Pagefind): Promise<void> {
    const values = (await pagefind.filters())[this.#config.filter] ?? {};
    if (this.#filterBox || Object.keys(values).length === 0) return;
    const box = element('details', 'search-filter');
    const summary = element('summary', undefined, this.#config.strings.filters);
    const fieldset = element('fieldset');
    fieldset.append(element('legend', undefined, this.#config.strings.filterLegend));
    for (const [value, count] of Object.entries(values)) {
      const label = element('label');
      const input = element('input');
      input.type = 'checkbox';
      input.value = value;
      input.addEventListener(
        'change',
        () => void this.search(this.#root.querySelector<HTMLInputElement>('input[type="search"]')?.value ?? ''),
      );
      // The name and its count run as one text, so the count keeps its language's spacing.
      const text = element('span', undefined, value);
      text.append(element('span', 'search-filter-count', this.#message('filterCount', '', count)));
      label.append(input, text);
      fieldset.append(label);
    }
    box.append(summary, fieldset);
    this.#filterBox = box;
    this.#status.before(box);
  }
}
