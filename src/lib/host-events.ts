/**
 * The messages a course page in an iframe posts to the page around it (a slide deck, a learning
 * platform), documented in the remix guide (/remix/#embed-messages). They carry nothing private,
 * so they go to any origin ('*'); a course page never reads anything from its parent.
 */
export type HostMessage =
  /** The embed page's content height in CSS pixels, sent when it changes (public/embed-resize.js uses it). */
  | { type: 'regularization-lab:resize'; height: number }
  /** The learner pressed Train (or a demo started its own run). `runner` names the demo's trainer. */
  | { type: 'regularization-lab:training-started'; runner: string; page: string }
  /** A run reached its end: the settings it ran with (live changes included) and its final figures (see finalNumbers). */
  | { type: 'regularization-lab:run-ended'; runner: string; page: string; settings: unknown; numbers: Record<string, number> }
  /** A quiz answer was checked. */
  | { type: 'regularization-lab:quiz-answered'; chapter: string; question: string; correct: boolean; page: string };

type WithoutPage<M> = M extends { page: string } ? Omit<M, 'page'> : M;

/** Posts to the parent page when there is one; on a top-level page it does nothing. */
export function postToHost(message: WithoutPage<HostMessage>): void {
  if (typeof window === 'undefined' || window.parent === window) return;
  try {
    window.parent.postMessage(message.type === 'regularization-lab:resize' ? message : { ...message, page: location.pathname }, '*');
  } catch {
    // A host that cannot receive messages changes nothing for the learner.
  }
}

const MAX_NUMBERS = 40;

/**
 * A run's final figures from its last snapshot: every finite number, and the last value of every
 * plain list of numbers (a per-epoch loss curve gives its final loss), one level of nesting deep
 * (`plain.valLoss`). Typed arrays (weights, grids) are left out: a host wants figures, not data.
 */
export function finalNumbers(snapshot: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  const visit = (value: unknown, key: string, depth: number) => {
    if (Object.keys(out).length >= MAX_NUMBERS) return;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) out[key] = value;
    } else if (Array.isArray(value)) {
      const last = value[value.length - 1];
      if (value.length && value.every((v) => typeof v === 'number') && Number.isFinite(last)) out[key] = last;
    } else if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && depth < 2) {
      for (const [k, v] of Object.entries(value)) visit(v, key ? `${key}.${k}` : k, depth + 1);
    }
  };
  visit(snapshot, '', 0);
  return out;
}
