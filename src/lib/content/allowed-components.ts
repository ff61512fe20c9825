/**
 * The components content/ may use in MDX (src/components/mdx/index.ts renders them), with the
 * attributes each takes and the values they accept. `lang` is never written: remark-component-lang
 * adds it. Anything else in angle brackets is refused by remark-allow-list.
 */
export const CONTENT_COMPONENTS: Readonly<Record<string, Readonly<Record<string, RegExp>>>> = {
  Note: { kind: /^(?:editor|translator)$/ },
  AnalysisFigure: { id: /^fig-\d+$/ },
  Timeline: {},
  KeyFigures: {},
  CourseFiles: {},
  SiteOnly: {},
};
