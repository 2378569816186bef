import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { DemoError } from '../../training/protocol.ts';
import { ExportButton, ReproduceButton, type ReproduceProps } from './ReproduceButton.tsx';
import { PrintFigure } from './PrintFigure.tsx';
import { errorText } from './format.ts';

export { download } from './download.ts';

interface Props {
  id: string;
  title: string;
  caption?: string;
  error?: DemoError | null;
  notices?: string[];
  onDismissNotices?: () => void;
  shareUrl?: () => string;
  /**
   * "Reproduce in PyTorch / scikit-learn": the reproduction id, library, settings and latest
   * snapshot; a list for one button per script (each with its `label`). It also gives the demo
   * its "Export data and initial weights (JSON)" button: the same runs' recipes as JSON.
   */
  reproduce?: ReproduceProps | ReproduceProps[];
  /** The learner is about to use the demo (pointer over it or pressed, focus inside it). */
  onIntent?: () => void;
  children: ComponentChildren;
}

/** What every demo has around its own controls and views: title, messages, share, reproduce and export. */
export function DemoFrame({ id, title, caption, error, notices = [], onDismissNotices, shareUrl, reproduce, onIntent, children }: Props) {
  const [status, setStatus] = useState<ComponentChildren>(null);
  const copy = async () => {
    if (!shareUrl) return;
    const link = shareUrl();
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Link copied: it reopens this demo with these settings and seed.');
    } catch {
      setStatus(`Copy this link: ${link}`);
    }
  };
  return (
    <section class="demo" id={id} aria-labelledby={`${id}-title`} data-pagefind-ignore data-demo={id} onPointerEnter={onIntent} onPointerDown={onIntent} onFocusIn={onIntent}>
      <h3 class="demo-title" id={`${id}-title`}>{title}</h3>
      {caption && <p class="demo-caption">{caption}</p>}
      <noscript>
        <p class="demo-message info">This demo needs JavaScript: it trains a network live in your browser. Turn JavaScript on to use it; the chapter’s text reads without it.</p>
      </noscript>
      {notices.length > 0 && (
        <div class="demo-message info" role="status" data-testid="demo-notice">
          {notices.map((n) => <p style="margin:0" key={n}>{n}</p>)}
          {onDismissNotices && <button type="button" class="btn" style="margin-top:0.4rem" onClick={onDismissNotices}>Dismiss</button>}
        </div>
      )}
      {error && (
        <div class="demo-message error" role="alert" data-testid="demo-error">
          <strong>{errorText(error.kind, error.message).lead}</strong> {errorText(error.kind, error.message).text}
          {error.kind === 'diverged' && ' Lower the learning rate, then press Reset.'}
        </div>
      )}
      {children}
      {(shareUrl || reproduce) && (
        <div class="buttons" style="margin-top:0.75rem">
          {shareUrl && <button type="button" class="btn" onClick={copy}>Copy link to these settings</button>}
          {reproduce && <ExportButton runs={[reproduce].flat()} instanceId={id} onStatus={setStatus} />}
          {reproduce && [reproduce].flat().map((r) => <ReproduceButton key={r.demo} {...r} instanceId={id} onStatus={setStatus} />)}
        </div>
      )}
      {status && <p class="status" role="status" data-testid="demo-status">{status}</p>}
      <PrintFigure id={id} title={title} caption={caption} link={shareUrl} />
    </section>
  );
}
