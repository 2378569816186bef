import type { DemoError } from '../../training/protocol.ts';
import { downloadJson } from '../ui/download.ts';

/**
 * The DemoFrame props every batch-norm island passes the same way: the trainer's error, its
 * chrome, link notices and share link (`frame` from useDemoSettings), and the JSON export
 * (built on demand by `build`, loaded lazily so the engine stays out of the page's first bundle).
 */
export function frameProps<S>(
  error: DemoError | null,
  ds: { frame: { id: string; title: string; caption?: string; notices: string[]; onDismissNotices: () => void; shareUrl: () => string } },
  settings: S & { seed: number },
  file: string,
  build: () => Promise<(s: S) => unknown>,
) {
  return {
    error,
    ...ds.frame,
    onExport: async () => downloadJson(`${file}-seed${settings.seed}.json`, (await build())(settings)),
  };
}
