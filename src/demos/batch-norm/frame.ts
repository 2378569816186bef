import type { DemoError } from '../../training/protocol.ts';
import { download } from '../ui/DemoFrame.tsx';

/**
 * The DemoFrame props every batch-norm island passes the same way: its chrome, the trainer's
 * error, the link notices, the share link, and the JSON export (built on demand by `build`,
 * loaded lazily so the engine stays out of the page's first bundle).
 */
export function frameProps<S>(
  chrome: { id: string; title: string; caption?: string },
  error: DemoError | null,
  ds: { notices: string[]; dismissNotices: () => void; shareUrl: (s: S) => string },
  settings: S & { seed: number },
  file: string,
  build: () => Promise<(s: S) => unknown>,
) {
  return {
    id: chrome.id,
    title: chrome.title,
    caption: chrome.caption,
    error,
    notices: ds.notices,
    onDismissNotices: ds.dismissNotices,
    shareUrl: () => ds.shareUrl(settings),
    onExport: async () => {
      const exporter = await build();
      download(`${file}-seed${settings.seed}.json`, JSON.stringify(exporter(settings), null, 1));
    },
  };
}
