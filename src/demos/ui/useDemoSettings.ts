import { useEffect, useRef, useState } from 'preact/hooks';
import { toQuery, type Fields, type SettingsOf } from '../settings-kit.ts';
import { readDemoLink } from '../link-params.ts';
import { embedOverrides, isEmbedPage } from './embed-overrides.ts';

/** What a demo's wrapper hands its island besides the settings (see demo-props.ts). */
export interface DemoChrome<K = string> {
  id: string;
  title: string;
  caption?: string;
  /** The settings the chapter lets the learner change (an embed link may lock more of them). */
  controls?: readonly K[];
}

/**
 * Fired on the document whenever a demo's settings or controls change, so a page around it (the
 * embed builder) can follow: `detail` is a DemoStateDetail. A plain DOM event: nothing leaves the page.
 */
export const DEMO_STATE_EVENT = 'regularization-lab:demo-state';
/** Fired on the document by a page that starts listening late: every demo answers with DEMO_STATE_EVENT. */
export const DEMO_STATE_REQUEST = 'regularization-lab:demo-state-request';

export interface DemoStateDetail {
  id: string;
  /** The settings that differ from the demo's initial ones, as the link's query (`p=0.3&seed=4`). */
  query: string;
  /** The controls the learner sees now. */
  controls: string[];
  /** The controls the chapter offers (what an embed may keep). */
  available: string[];
}

/**
 * A demo's settings: starts from the MDX props, then applies the page URL's parameters for this
 * demo (`?<demo id>.<setting>=value`, the shareable link). Values a link cannot use fall back to
 * the chapter's defaults and come back as notices: garbage never breaks the demo. On an embed page
 * the URL may also lock controls (`?controls=p,seed`) and set the title and caption.
 */
export function useDemoSettings<F extends Fields, K extends keyof F & string = keyof F & string>(
  chrome: DemoChrome<K>,
  fields: F,
  initial: SettingsOf<F>,
  /** Link parameters the island reads itself (a run's live changes): neither settings nor unknown. */
  linkKeys: readonly string[] = [],
  /** Settings fine one by one that the demo cannot run together: a link with them gets the defaults and a notice. */
  combination?: (s: SettingsOf<F>) => string | null | undefined,
) {
  const demoId = chrome.id;
  const available = [...(chrome.controls ?? [])];
  const [settings, setSettings] = useState<SettingsOf<F>>(initial);
  const [notices, setNotices] = useState<string[]>([]);
  const [fromLink, setFromLink] = useState(false);
  const [controls, setControls] = useState<K[]>(available);
  const [text, setText] = useState<{ title: string; caption?: string }>({ title: chrome.title, caption: chrome.caption });

  useEffect(() => {
    const msgs: string[] = [];
    // An embed page's own parameters (locked controls, title, caption), from a query of sane size.
    if (isEmbedPage() && location.search.length <= 32_000) {
      const o = embedOverrides(new URLSearchParams(location.search), Object.keys(fields));
      if (o.controls) setControls(o.controls as K[]);
      if (o.title || o.caption) setText({ title: o.title ?? chrome.title, caption: o.caption ?? chrome.caption });
      msgs.push(...o.notices);
    }
    // Capped, own-keys-only, strict reading with one notice per refusal: see link-params.ts.
    const link = readDemoLink(fields, demoId, location.search, initial, combination, linkKeys);
    if (link.fromLink) {
      setSettings(link.value);
      setFromLink(true);
      msgs.push(...link.notices);
    }
    if (msgs.length) setNotices(msgs);
  }, []);

  const state = useRef<DemoStateDetail | null>(null);
  useEffect(() => {
    state.current = { id: demoId, query: toQuery(fields, settings, initial), controls: [...controls], available };
    document.dispatchEvent(new CustomEvent(DEMO_STATE_EVENT, { detail: state.current }));
  }, [settings, controls]);
  useEffect(() => {
    const answer = () => state.current && document.dispatchEvent(new CustomEvent(DEMO_STATE_EVENT, { detail: state.current }));
    document.addEventListener(DEMO_STATE_REQUEST, answer);
    return () => document.removeEventListener(DEMO_STATE_REQUEST, answer);
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
  const frame = { id: demoId, ...text, notices, onDismissNotices: dismissNotices, shareUrl: () => shareUrl(settings) };
  return { settings, setSettings, notices, dismissNotices, fromLink, shareUrl, frame, controls };
}
