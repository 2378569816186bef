/**
 * Astro integration: runs `npm run check-chapters`' lint when a build (or dev server) starts, so
 * a chapter that writes scripts, handlers, iframes or outside imports fails the build with the
 * file and line, unless its front matter says `trusted: true` (src/lib/chapter-lint.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readChapters } from '../../scripts/chapter-files.ts';
import { blockingFindings, formatFindings } from '../lib/chapter-lint.ts';

export function chapterChecks(): AstroIntegration {
  return {
    name: 'regularization-lab:check-chapters',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const findings = blockingFindings(readChapters(fileURLToPath(config.root)));
        if (findings.length) throw new Error(formatFindings(findings));
      },
    },
  };
}
