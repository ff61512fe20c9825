// Minimal declarations for the parts of citation-js (0.8) this site uses; it ships no types.

declare module '@citation-js/core' {
  /** A named register (styles, locales) of a citation-js plugin's configuration. */
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    get(name: string): T | undefined;
  }

  /** Options of the `bibliography` output format (@citation-js/plugin-csl). */
  interface BibliographyOptions {
    template: string;
    lang: string;
    format: 'html' | 'text';
    hyperlinks?: boolean;
    asEntryArray?: boolean;
  }

  /** A list of references, parsed from any input format a plugin understands. */
  export class Cite {
    constructor(data: unknown);
    /** The references as CSL-JSON items. */
    data: Record<string, unknown>[];
    format(format: 'bibliography', options: BibliographyOptions & { asEntryArray: true }): [string, string][];
    format(format: string, options?: Record<string, unknown>): string;
  }

  export const plugins: {
    input: {
      /** Parses `input` step by step until its type is `target`. */
      chain(input: unknown, options: { target: string; generateGraph?: boolean }): unknown;
    };
    config: {
      get(plugin: '@csl'): { styles: Register<string>; locales: Register<string> };
    };
  };
}

declare module '@citation-js/plugin-bibtex' {}
declare module '@citation-js/plugin-csl' {}
declare module '@citation-js/plugin-ris' {}
