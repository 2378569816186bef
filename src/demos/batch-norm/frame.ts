import type { DemoError } from '../../training/protocol.ts';
import { downloadJson } from '../ui/download.ts';

/**
 * The DemoFrame props every batch-norm island passes the same way: its chrome, the trainer's
 * error, the link notices and share link (`frame` from useDemoSettings), and the JSON export
 * (built on demand by `build`, loaded lazily so the engine stays out of the page's first bundle).
 */
export function frameProps<S>(
  chrome: { id: string; title: string; caption?: string },
  error: DemoError | null,
  ds: { frame: { notices: string[]; onDismissNotices: () => void; shareUrl: () => string } },
  settings: S & { seed: number },
  file: string,
  build: () => Promise<(s: S) => unknown>,
) {
  return {
    ...chrome,
    error,
    ...ds.frame,
    onExport: async () => downloadJson(`${file}-seed${settings.seed}.json`, (await build())(settings)),
  };
}
