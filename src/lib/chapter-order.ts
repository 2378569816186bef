/** The chapter file as it is in the repository: Astro's filePath is already project-relative. */
export function chapterFile(e: { id: string; filePath?: string }): string {
  return e.filePath ?? `content/${e.id}.mdx`;
}

/**
 * The message for two chapters with the same `order`, or null: it names both files as they are in
 * the repository (`content/02-dropout.mdx`, not `content/content/...`).
 */
export function orderClash(entries: { id: string; filePath?: string; data: { order: number } }[]): string | null {
  const byOrder = new Map<number, string>();
  for (const e of entries) {
    const clash = byOrder.get(e.data.order);
    if (clash) return `${chapterFile(e)}: front matter field "order" (${e.data.order}) is also used by ${clash}; each chapter needs its own order`;
    byOrder.set(e.data.order, chapterFile(e));
  }
  return null;
}
