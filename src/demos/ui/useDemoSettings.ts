import { useEffect, useState } from 'preact/hooks';
import { fromQuery, toQuery, type Fields, type SettingsOf } from '../settings-kit.ts';

/** What a demo's wrapper hands its island besides the settings (see demo-props.ts). */
export interface DemoChrome {
  id: string;
  title: string;
  caption?: string;
}

/**
 * A demo's settings: starts from the MDX props, then applies the page URL's parameters for this
 * demo (`?<demo id>.<setting>=value`, the shareable link). Values a link cannot use fall back to
 * the chapter's defaults and come back as notices: garbage never breaks the demo.
 */
export function useDemoSettings<F extends Fields>(chrome: DemoChrome, fields: F, initial: SettingsOf<F>, linkKeys: readonly string[] = []) {
  const demoId = chrome.id;
  const [settings, setSettings] = useState<SettingsOf<F>>(initial);
  const [notices, setNotices] = useState<string[]>([]);
  const [fromLink, setFromLink] = useState(false);

  useEffect(() => {
    let params: URLSearchParams;
    try {
      params = new URLSearchParams(location.search);
    } catch {
      return;
    }
    const mine = new URLSearchParams();
    const unknown: string[] = [];
    for (const [k, v] of params) {
      if (!k.startsWith(`${demoId}.`)) continue;
      const key = k.slice(demoId.length + 1);
      if (key in fields) mine.set(key, v);
      else if (!linkKeys.includes(key)) unknown.push(key); // linkKeys: read by the island itself (a run's live changes)
    }
    if ([...mine.keys()].length === 0 && unknown.length === 0) return;
    const { value, problems } = fromQuery(fields, mine, initial);
    setSettings(value);
    setFromLink(true);
    const msgs = problems.map((p) => `The link’s ${p}, so the default is used.`);
    for (const u of unknown) msgs.push(`The link names a setting "${u}" this demo does not have; it was ignored.`);
    setNotices(msgs);
  }, []);

  /** The page URL that reopens this demo with these settings (and `extra` parameters of the island's own, see linkKeys). */
  const shareUrl = (s: SettingsOf<F> = settings, extra: Record<string, string> = {}): string => {
    const url = new URL(location.href);
    for (const k of [...url.searchParams.keys()]) if (k.startsWith(`${demoId}.`)) url.searchParams.delete(k);
    const q = new URLSearchParams(toQuery(fields, s, initial));
    for (const [k, v] of q) url.searchParams.set(`${demoId}.${k}`, v);
    for (const [k, v] of Object.entries(extra)) url.searchParams.set(`${demoId}.${k}`, v);
    url.hash = demoId;
    return url.toString();
  };

  const dismissNotices = () => setNotices([]);
  /** The props DemoFrame takes from here: the demo's id, title and caption, the link's notices and the share link. */
  const frame = { ...chrome, notices, onDismissNotices: dismissNotices, shareUrl: () => shareUrl(settings) };
  return { settings, setSettings, notices, dismissNotices, fromLink, shareUrl, frame };
}
