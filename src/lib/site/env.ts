/*
 * The build's two variables, checked before anything is built (astro.config.mjs and
 * scripts/build.ts). Self-contained: scripts/build.ts imports it under plain Node.
 */

/** The origin canonical and alternate links use when SITE_URL is not set. */
const DEFAULT_SITE_URL = 'http://127.0.0.1:4321';

/** One path segment of BASE_PATH: URL-safe characters only, so every `href` stays valid unescaped. */
const BASE_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** What is wrong with BASE_PATH and SITE_URL, one message per variable, each naming it and its value. */
export function siteEnvProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const problems: string[] = [];
  const base = env['BASE_PATH'] ?? '';
  const segments = base.split('/').filter(Boolean);
  if (segments.some((segment) => !BASE_SEGMENT.test(segment) || segment === '.' || segment === '..')) {
    problems.push(
      `BASE_PATH=${JSON.stringify(base)} is not a usable base path: write folders of letters, digits, "-", "_", "." and "~" separated by "/", e.g. BASE_PATH=/courses/bm101/xiaomi/`,
    );
  }
  const site = env['SITE_URL'];
  if (site) {
    const url = URL.canParse(site) ? new URL(site) : undefined;
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
      problems.push(
        `SITE_URL=${JSON.stringify(site)} is not the site's address: write an absolute http(s) URL, e.g. SITE_URL=https://reading.example.org`,
      );
    }
  }
  return problems;
}

/** BASE_PATH and SITE_URL (with its default), or an error listing what is wrong with them. */
export function siteEnv(env: Readonly<Record<string, string | undefined>>): { basePath: string; site: string } {
  const problems = siteEnvProblems(env);
  if (problems.length) throw new Error(problems.join('\n'));
  return { basePath: env['BASE_PATH'] ?? '', site: env['SITE_URL'] || DEFAULT_SITE_URL };
}
