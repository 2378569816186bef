import { useEffect, useState } from 'preact/hooks';

interface Props {
  id: string;
  title: string;
  caption?: string;
  /** The link that reopens the demo as it is now (its share link), made when printing starts. */
  link?: () => string;
}

/**
 * What a demo becomes on paper (print stylesheet in global.css): a figure with a picture of its
 * current state — its canvases and drawings, copied in by src/lib/print-pictures.ts when printing
 * starts — its caption, and its address written out. Hidden on screen.
 */
export function PrintFigure({ id, title, caption, link }: Props) {
  const [href, setHref] = useState(`#${id}`);
  useEffect(() => {
    const update = () => {
      try {
        setHref(link ? link() : `${location.origin}${location.pathname}#${id}`);
      } catch {
        setHref(`${location.origin}${location.pathname}#${id}`);
      }
    };
    update();
    addEventListener('beforeprint', update);
    return () => removeEventListener('beforeprint', update);
  }, [link]);
  return (
    <figure class="demo-print" data-testid="print-figure">
      <div class="print-pictures" />
      <figcaption>
        <strong>{title}</strong> (interactive demo){caption ? `: ${caption}` : '.'} Try it at <span class="print-link">{href}</span>
      </figcaption>
    </figure>
  );
}
