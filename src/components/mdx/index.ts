import AnalysisFigure from './AnalysisFigure.astro';
import CourseFiles from './CourseFiles.astro';
import KeyFigures from './KeyFigures.astro';
import Note from './Note.astro';
import SiteOnly from './SiteOnly.astro';
import Timeline from './Timeline.astro';

/** The components content/ may use in MDX, handed to every `<Content components>`. */
export const mdxComponents = { AnalysisFigure, CourseFiles, KeyFigures, Note, SiteOnly, Timeline };
