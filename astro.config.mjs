// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { remarkCheckMath } from './src/lib/math-check.ts';
import { chapterChecks } from './src/build/chapter-checks.ts';
import { securityHeaders } from './src/build/security-headers.ts';
import { browserLeavesOutGuideTexts, demoDefinitions, workerLeavesOutPages } from './src/build/demo-definitions.ts';
import { rehypeChapterParts } from './src/build/rehype-chapter-parts.ts';
import { compileHints, pageChunkGroups } from './src/build/chunk-groups.ts';
import { katexWoff2Only } from './src/build/katex-woff2-only.ts';
import { demos } from './src/demos/index.ts';

// Equations are written as $...$ / $$...$$ in the chapters and rendered to KaTeX HTML at
// build time. Astro 7's default Markdown engine (Sätteri) does not run remark/rehype plugins,
// so the chapters use the unified processor, which MDX inherits.
// Where the course is hosted: SITE_URL is the absolute address (shared and embed links use it at
// build time), SITE_BASE the sub-path (`SITE_BASE=/course/ npm run build` for example.org/course/).
// Every link goes through src/lib/urls.ts, so the same build works at the root or under the base.
const base = process.env.SITE_BASE ? `/${process.env.SITE_BASE.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/') : '/';

export default defineConfig({
  site: process.env.SITE_URL || 'https://regularization-lab.example',
  base,
  // SITE_OUT builds a second copy elsewhere (the sub-path e2e run) without touching dist/.
  outDir: process.env.SITE_OUT || './dist',
  trailingSlash: 'ignore',
  integrations: [chapterChecks(), preact(), mdx(), securityHeaders()],
  // A strict Content Security Policy in every page's <meta http-equiv> (and dist/_headers):
  // scripts only from the site plus the hashes Astro computes for its own inline ones; style
  // elements likewise. Style *attributes* stay allowed: KaTeX's HTML positions every glyph with
  // them and Shiki colours code with them, and neither can run code. WebAssembly is for the
  // search index (Pagefind).
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  markdown: {
    // Code blocks follow the site theme: light tokens by default, dark ones under [data-theme=dark].
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark' }, defaultColor: 'light' },
    processor: unified({
      // remarkCheckMath fails the build on an equation KaTeX cannot render (rehype-katex only warns).
      remarkPlugins: [remarkMath, remarkCheckMath],
      // rehypeChapterParts: each h2 opens a <section>, cut in pieces the browser renders only near the
      // screen; each demo's definition says how tall it is, for the space reserved until then.
      rehypePlugins: [[rehypeKatex, { throwOnError: true, strict: 'ignore' }], [rehypeChapterParts, { demoHeights: Object.fromEntries(demos.map((d) => [d.component, d.height])) }]],
    }),
  },
  vite: {
    // The browser's demo list (virtual:demo-definitions), for the pages and the training worker;
    // the pages' copy of a definition leaves out the remix guide's texts (written at build time);
    // KaTeX's style sheet with its WOFF2 fonts only (src/build/katex-woff2-only.ts says why); the files
    // every demo runs at load compiled as they stream in (compileHints, src/build/chunk-groups.ts).
    plugins: [demoDefinitions(), browserLeavesOutGuideTexts(), katexWoff2Only(), compileHints()],
    // The worker's build leaves out the islands and reproductions the definitions load (it only trains).
    worker: { format: 'es', plugins: () => [demoDefinitions(), workerLeavesOutPages()] },
    build: {
      // SITE_SOURCEMAPS=1: with source maps, to see which module a page's kilobytes come from.
      sourcemap: !!process.env.SITE_SOURCEMAPS,
      rolldownOptions: {
        // Reading a property has no side effects in this code or its libraries: lets the bundler drop
        // what nothing uses (chart.js's unused scales and controllers, about 5 KB gzip'd a page).
        treeshake: { propertyReadSideEffects: false },
      },
    },
    // The pages' JavaScript in fewer, larger files (src/build/chunk-groups.ts says why and how).
    environments: { client: { build: { rolldownOptions: { output: { codeSplitting: { groups: pageChunkGroups } } } } } },
  },
  devToolbar: { enabled: false },
});
