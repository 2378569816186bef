import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { DemoError } from '../../training/protocol.ts';

interface Props {
  id: string;
  title: string;
  caption?: string;
  error?: DemoError | null;
  notices?: string[];
  onDismissNotices?: () => void;
  shareUrl?: () => string;
  onExport?: () => void;
  /** The export button's text (default: the training demos' "Export data and initial weights (JSON)"). */
  exportLabel?: string;
  children: ComponentChildren;
}

/** What every demo has around its own controls and views: title, messages, share and export. */
export function DemoFrame({ id, title, caption, error, notices = [], onDismissNotices, shareUrl, onExport, exportLabel = 'Export data and initial weights (JSON)', children }: Props) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    if (!shareUrl) return;
    const link = shareUrl();
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied: it reopens this demo with these settings and seed.');
    } catch {
      setCopied(`Copy this link: ${link}`);
    }
  };
  return (
    <section class="demo" id={id} aria-labelledby={`${id}-title`} data-pagefind-ignore data-demo={id}>
      <h3 class="demo-title" id={`${id}-title`}>{title}</h3>
      {caption && <p class="demo-caption">{caption}</p>}
      {notices.length > 0 && (
        <div class="demo-message info" role="status" data-testid="demo-notice">
          {notices.map((n) => <p style="margin:0" key={n}>{n}</p>)}
          {onDismissNotices && <button type="button" class="btn" style="margin-top:0.4rem" onClick={onDismissNotices}>Dismiss</button>}
        </div>
      )}
      {error && (
        <div class="demo-message error" role="alert" data-testid="demo-error">
          <strong>{error.kind === 'diverged' ? 'Training diverged. ' : error.kind === 'settings' ? 'These settings cannot be used. ' : 'Something went wrong. '}</strong>
          {error.message}
          {error.kind === 'diverged' && ' Lower the learning rate, then press Reset.'}
        </div>
      )}
      {children}
      {(shareUrl || onExport) && (
        <div class="buttons" style="margin-top:0.75rem">
          {shareUrl && <button type="button" class="btn" onClick={copy}>Copy link to these settings</button>}
          {onExport && <button type="button" class="btn" onClick={onExport}>{exportLabel}</button>}
        </div>
      )}
      {copied && <p class="status" role="status">{copied}</p>}
    </section>
  );
}

/** Saves text as a file in the learner's downloads (no server involved). */
export function download(filename: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
