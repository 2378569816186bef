import { useState } from 'preact/hooks';
import { CodeBlock } from './CodeBlock.tsx';

export interface CodeTab {
  key: string;
  /** The tab's text. */
  title: string;
  /** What the code is (the panel's caption and accessible name). */
  label: string;
  code: string;
}

interface Props {
  /** Unique on the page: prefixes the tab and panel ids. */
  id: string;
  /** What the tabs are, for screen readers, e.g. "Code for these settings". */
  label: string;
  tabs: CodeTab[];
  testId?: string;
}

/** Several live code panels behind tabs (WAI-ARIA tabs: arrow keys move between them). */
export function CodeTabs({ id, label, tabs, testId }: Props) {
  const [current, setCurrent] = useState(tabs[0]?.key);
  const tab = tabs.find((t) => t.key === current) ?? tabs[0];
  if (!tab) return null;
  const move = (by: number) => {
    const i = tabs.findIndex((t) => t.key === tab.key);
    const next = tabs[(i + by + tabs.length) % tabs.length];
    setCurrent(next.key);
    document.getElementById(`${id}-tab-${next.key}`)?.focus();
  };
  return (
    <div class="code-tabs-wrap">
      <div role="tablist" aria-label={label} class="code-tabs">
        {tabs.map((t) => (
          <button
            type="button"
            role="tab"
            id={`${id}-tab-${t.key}`}
            key={t.key}
            aria-selected={t.key === tab.key}
            aria-controls={`${id}-panel`}
            tabIndex={t.key === tab.key ? 0 : -1}
            class="code-tab"
            data-testid={`${testId ?? id}-tab-${t.key}`}
            onClick={() => setCurrent(t.key)}
            onKeyDown={(ev) => {
              if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') {
                move(ev.key === 'ArrowRight' ? 1 : -1);
                ev.preventDefault();
              }
            }}
          >
            {t.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab.key}`} data-testid={testId}>
        <CodeBlock label={tab.label} code={tab.code} />
      </div>
    </div>
  );
}
