// npm run check-chapters: lists what in content/*.mdx can run code (see src/lib/chapter-lint.ts);
// exits 1 when a chapter not marked `trusted: true` has a finding. The build runs the same check.
//   npm run check-chapters [-- --all]     --all also lists the findings of trusted chapters

import './quiet-pipe.ts'; // `| head` ends it quietly
import { readChapters } from './chapter-files.ts';
import { blockingFindings, formatFindings, isTrusted, lintChapter } from '../src/lib/chapter-lint.ts';

const all = process.argv.includes('--all');
const chapters = readChapters(process.cwd());
const blocking = blockingFindings(chapters);
if (all) {
  for (const c of chapters.filter((c) => isTrusted(c.source))) {
    for (const f of lintChapter(c.file, c.source)) console.log(`${f.file}:${f.line}: ${f.what} (trusted: true)`);
  }
}
if (blocking.length) {
  console.error(formatFindings(blocking));
  process.exitCode = 1;
} else {
  console.log(`check-chapters: ${chapters.length} chapters, nothing that runs code outside the course's components${all ? '' : ' (trusted chapters are skipped; --all lists them)'}.`);
}
