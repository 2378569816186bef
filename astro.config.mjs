// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

// Equations are written as $...$ / $$...$$ in the chapters and rendered to KaTeX HTML at
// build time. Astro 7's default Markdown engine (Sätteri) does not run remark/rehype plugins,
// so the chapters use the unified processor, which MDX inherits.
export default defineConfig({
  site: 'https://regularization-lab.example',
  trailingSlash: 'ignore',
  integrations: [preact(), mdx()],
  markdown: {
    // Code blocks follow the site theme: light tokens by default, dark ones under [data-theme=dark].
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark' }, defaultColor: 'light' },
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { throwOnError: true, strict: 'ignore' }]],
    }),
  },
  vite: {
    worker: { format: 'es' },
    // Reading a property has no side effects in this code or its libraries: lets the bundler drop
    // what nothing uses (chart.js's unused scales and controllers, about 5 KB gzip'd a page).
    build: { rolldownOptions: { treeshake: { propertyReadSideEffects: false } } },
  },
  devToolbar: { enabled: false },
});
