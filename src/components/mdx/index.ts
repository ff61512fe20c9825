import AnalysisFigure from './AnalysisFigure.astro';
import Note from './Note.astro';

/** The components content/ may use in MDX, handed to every `<Content components>`. */
export const mdxComponents = { AnalysisFigure, Note };
