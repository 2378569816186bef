import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Library } from '../../reproduce/types.ts';
import { url } from '../../lib/urls.ts';
import { download } from './download.ts';

export interface ReproduceProps {
  /** The reproduction id (the demo's, or one of its scripts'): also the file name, `<demo>.py`. */
  demo: string;
  library: Library;
  /** The island's current settings. */
  settings: object;
  /** The runner's latest snapshot (its `reproduce` log: the run on screen and its live changes). */
  snapshot: unknown;
  /**
   * What the script trains, when a demo has a button per script: the button says "Reproduce in
   * PyTorch: <label>", its message "train this run <label>" (e.g. "without dropout").
   */
  label?: string;
  /** What the script holds when it is more than one run ("both networks"), added to the button's text. */
  contents?: string;
}

const LIBRARY_NAMES: Record<Library, string> = { pytorch: 'PyTorch', 'scikit-learn': 'scikit-learn' };
/** What running the script does: a network trains (the labelled one, with a button per network); a path refits its models alpha by alpha. */
function scriptDoes(library: Library, label?: string): string {
  return library === 'pytorch'
    ? `to train this run${label ? ` ${label}` : ''} in PyTorch and print the numbers this demo shows`
    : 'to refit these models in scikit-learn and print the numbers this demo shows, alpha by alpha';
}

/**
 * "Reproduce in PyTorch" (or scikit-learn): writes, in the browser, a Python script that re-runs
 * the run on screen and prints the numbers the demo shows. The generator loads on the first click.
 */
export function ReproduceButton({ demo, library, settings, snapshot, label, contents, instanceId, onStatus }: ReproduceProps & { instanceId: string; onStatus: (m: ComponentChildren) => void }) {
  const [busy, setBusy] = useState(false);
  const name = LIBRARY_NAMES[library];
  const run = async () => {
    setBusy(true);
    try {
      const [{ scriptOnScreen }, { findReproduction }] = await Promise.all([import('../../reproduce/browser.ts'), import('../reproductions.ts')]);
      const { filename, text } = scriptOnScreen(await findReproduction(demo), {
        settings: settings as Record<string, unknown>, snapshot, pageUrl: `${location.origin}${location.pathname}`, instanceId,
      });
      download(filename, text, 'text/x-python');
      onStatus(
        <>
          Saved <code>{filename}</code>: run <code>python3 {filename}</code> {scriptDoes(library, label)}.{' '}
          <a href={url('reproduce/')}>How to check the course’s numbers</a>
        </>,
      );
    } catch (e) {
      onStatus(`The ${name} script could not be written: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="btn" onClick={run} disabled={busy} data-testid="reproduce">
      {busy ? 'Writing the script…' : `Reproduce in ${name}${label ? `: ${label}` : ''}${contents ? ` (${contents})` : ''}`}
    </button>
  );
}
