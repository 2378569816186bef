import { useEffect, useState } from 'preact/hooks';
import { toQuery, type Fields, type SettingsOf } from '../settings-kit.ts';
import { readDemoLink } from '../link-params.ts';

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
export function useDemoSettings<F extends Fields>(
  chrome: DemoChrome,
  fields: F,
  initial: SettingsOf<F>,
  /** Link parameters the island reads itself (a run's live changes): neither settings nor unknown. */
  linkKeys: readonly string[] = [],
  /** Settings fine one by one that the demo cannot run together: a link with them gets the defaults and a notice. */
  combination?: (s: SettingsOf<F>) => string | null | undefined,
) {
  const demoId = chrome.id;
  const [settings, setSettings] = useState<SettingsOf<F>>(initial);
  const [notices, setNotices] = useState<string[]>([]);
  const [fromLink, setFromLink] = useState(false);

  useEffect(() => {
    // Capped, own-keys-only, strict reading with one notice per refusal: see link-params.ts.
    const link = readDemoLink(fields, demoId, location.search, initial, combination, linkKeys);
    if (!link.fromLink) return;
    setSettings(link.value);
    setFromLink(true);
    setNotices(link.notices);
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
