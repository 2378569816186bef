/**
 * When a page is printed, each demo's figure (PrintFigure) gets a picture of the demo as it is:
 * every drawn canvas as an image (with the canvas's text alternative as its alt text) and every
 * drawing (SVG) copied. Runs on `beforeprint`, while the demos are still laid out for the screen
 * (once the print stylesheet applies they are hidden and have no size to copy).
 */
const MIN_SIZE = 80;

export function drawDemosForPrint(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>('.demo-print')) {
    const demo = figure.closest('.demo');
    const box = figure.querySelector('.print-pictures');
    if (!demo || !box) continue;
    const pictures: Element[] = [];
    for (const el of demo.querySelectorAll<HTMLCanvasElement | SVGSVGElement>('canvas, svg')) {
      if (figure.contains(el) || el.closest('details:not([open]), [hidden], .demo-print')) continue;
      const { width, height } = el.getBoundingClientRect();
      if (width < MIN_SIZE || height < MIN_SIZE) continue; // icons, empty placeholders
      if (el instanceof HTMLCanvasElement) {
        const img = document.createElement('img');
        try {
          img.src = el.toDataURL('image/png');
        } catch {
          continue;
        }
        img.alt = el.getAttribute('aria-label') ?? '';
        img.style.width = `${Math.round(width)}px`;
        pictures.push(img);
      } else {
        const copy = el.cloneNode(true) as SVGSVGElement;
        copy.removeAttribute('id');
        for (const withId of copy.querySelectorAll('[id]')) withId.removeAttribute('id');
        copy.setAttribute('width', String(Math.round(width)));
        copy.setAttribute('height', String(Math.round(height)));
        pictures.push(copy);
      }
    }
    box.replaceChildren(...pictures);
  }
}

export function drawDemosWhenPrinting(): void {
  addEventListener('beforeprint', () => drawDemosForPrint());
}
