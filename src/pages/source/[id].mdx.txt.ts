// /source/<id>.mdx.txt: the chapter's MDX as text/plain on every host (the "view its source" link).
import { chapterSource, chapterSourcePaths } from '../../lib/chapter-source';

export const getStaticPaths = chapterSourcePaths;
export const GET = chapterSource;
