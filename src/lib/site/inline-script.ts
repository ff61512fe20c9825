import { minifySync } from 'rolldown/utils';
import beforePaintSource from './before-paint.inline.js?raw';
import continueReadingSource from './continue-reading.inline.js?raw';
import headerHeightSource from './header-height.inline.js?raw';

/**
 * An `is:inline` script as a page carries it: minified by Rolldown's minifier, the one Vite runs
 * on the site's other scripts (its version follows Vite's, ~ in package.json). Every page carries
 * these scripts in its first view, whose budget is 20 KB; their comments and layout stay in the
 * source file for the reader of the code. A script that does not parse fails the build.
 */
export function inlineScript(source: string, file = 'inline.js'): string {
  const { code, errors } = minifySync(file, source);
  if (errors.length) throw new Error(`${file} does not parse: ${errors.map((error) => error.message).join('; ')}`);
  return code.trim();
}

/** The site's inline scripts as pages carry them (what each does is written at its top). */
export const INLINE_SCRIPTS = {
  beforePaint: inlineScript(beforePaintSource, 'before-paint.inline.js'),
  headerHeight: inlineScript(headerHeightSource, 'header-height.inline.js'),
  continueReading: inlineScript(continueReadingSource, 'continue-reading.inline.js'),
};
