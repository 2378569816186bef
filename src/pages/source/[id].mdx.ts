// /source/<id>.mdx: the chapter's MDX under its own name (old links; see src/lib/chapter-source.ts).
import { chapterSource, chapterSourcePaths } from '../../lib/chapter-source';

export const getStaticPaths = chapterSourcePaths;
export const GET = chapterSource;
