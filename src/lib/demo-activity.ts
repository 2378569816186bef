/**
 * Notices when a learner runs a demo on a chapter page, for progress ("1 of 3 demos run").
 * A demo counts once its Train, Play or Step button is pressed; a demo that does not train (it
 * recomputes as its settings move) counts once one of its settings is changed. Listening on the
 * document keeps the demos themselves free of progress code.
 */
import { recordDemoRun } from './progress';

/** The buttons that train a demo (TrainButtons and the early-stopping stepper name them so). */
const RUN_BUTTON = /(^|-)(train|play|step)$/;

function trains(demo: Element): boolean {
  return [...demo.querySelectorAll<HTMLElement>('button[data-testid]')].some((b) => RUN_BUTTON.test(b.dataset.testid ?? ''));
}

export function watchDemoRuns(root: Document, chapter: string): void {
  root.addEventListener('click', (e) => {
    const button = (e.target as Element | null)?.closest?.('button');
    const demo = button?.closest<HTMLElement>('.demo[data-demo]');
    if (button && demo?.dataset.demo && RUN_BUTTON.test(button.dataset.testid ?? '')) recordDemoRun(chapter, demo.dataset.demo);
  });
  root.addEventListener('change', (e) => {
    const demo = (e.target as Element | null)?.closest?.<HTMLElement>('.demo[data-demo]');
    if (demo?.dataset.demo && !trains(demo)) recordDemoRun(chapter, demo.dataset.demo);
  });
}
