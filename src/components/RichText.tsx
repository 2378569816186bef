import type { JSX } from 'preact';

/** Renders a plain string with `inline code` spans, for quiz prompts and choices written in MDX props. */
export function RichText({ text }: { text: string }): JSX.Element {
  const parts = text.split(/(`[^`]+`)/g);
  return (
    <>
      {parts.map((p, i) => (p.startsWith('`') && p.endsWith('`') && p.length > 2 ? <code key={i}>{p.slice(1, -1)}</code> : p))}
    </>
  );
}
