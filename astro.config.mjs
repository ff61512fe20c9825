// @ts-check
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import downloads from './src/integrations/downloads.ts';
import lazyModules from './src/integrations/lazy-modules.ts';
import offline from './src/integrations/offline.ts';
import pagefind from './src/integrations/pagefind.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import siteData from './src/integrations/site-data.ts';
import stagedOutput from './src/integrations/staged-output.ts';
import { loadHeadingIds, loadSiteData, loadXrefTargets, SITE_DATA_FILES } from './src/lib/content/site-data.ts';
import { contentPlugins, pipelineOptions } from './src/lib/plugins/index.ts';
import { siteEnv } from './src/lib/site/env.ts';
import { normaliseBase } from './src/lib/site/urls.ts';

// BASE_PATH lets a course site host the whole site under its own path (docs/contract.md, "Base path");
// SITE_URL sets the origin of canonical and alternate links. Both are checked first.
const { basePath, site } = siteEnv(process.env);
const base = normaliseBase(basePath);
const root = fileURLToPath(new URL('.', import.meta.url));
// The bibliography and the glossary are parsed here, once per build; pages get them as `virtual:site-data`.
const data = await loadSiteData(root);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Astro marks every MDX page's propagated assets with this directive, and Rolldown warns
        // that bundling may drop it, once per page; Astro does not rely on it being kept. Only
        // that warning is dropped, so a real one stays the last thing an editor reads.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
  security: {
    // A strict policy in every page's <meta>: scripts only from the site or by hash, no eval
    // (Pagefind's WebAssembly needs 'wasm-unsafe-eval'); KaTeX positions glyphs with style
    // attributes, which style-src-attr allows without allowing inline <style> or <script>. Styles'
    // 'self' is scoped to elements (style-src-elem), where Astro then puts its style hashes too:
    // a plain style-src source beside style-src-attr makes Astro warn on every build that the
    // attribute scope does not fall back to it, which is what we mean, and the warning would bury
    // an editor's real one. (Browsers older than style-src-elem, Firefox 108 and Safari 15.4,
    // refuse our few inline <style> elements; they lack style-src-attr too, which KaTeX needs.)
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:", // Vite inlines KaTeX's smallest fonts as data: URLs
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: {
        resources: [
          { resource: "'self'", kind: 'element' },
          { resource: "'unsafe-inline'", kind: 'attribute' },
        ],
      },
    },
  },
  markdown: {
    // No code in the paper; Shiki's inline styles would also clash with the CSP.
    syntaxHighlight: false,
    // Astro 7's default processor (Sätteri) runs no remark/rehype plugins; ours need unified.
    processor: unified(
      contentPlugins(pipelineOptions(data, { targets: await loadXrefTargets(root), headingIds: await loadHeadingIds(root) }, base)),
    ),
  },
  integrations: [
    // Turns `astro build` towards this run's staging folder when scripts/build.ts runs it.
    stagedOutput(),
    mdx(),
    siteData(
      data,
      SITE_DATA_FILES.map((file) => `${root}${file}`),
    ),
    lazyModules(),
    // In this order: the downloads (made from the built pages), the search index, then the
    // service worker, which saves every file the others wrote.
    downloads(),
    pagefind(data.glossary, root),
    securityHeaders(),
    offline(),
  ],
});
