/**
 * The demo components chapters can place without an import (see src/components/mdx.ts):
 * every `src/demos/<folder>/<Name>Demo.astro` is registered as `<Name>Demo`.
 */
const modules = import.meta.glob<{ default: unknown }>('./*/*Demo.astro', { eager: true });

export const demoComponents: Record<string, unknown> = Object.fromEntries(
  Object.entries(modules).map(([path, mod]) => [path.split('/').pop()!.replace(/\.astro$/, ''), mod.default]),
);
