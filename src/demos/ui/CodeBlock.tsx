import { Component } from 'preact';
import { useState } from 'preact/hooks';

interface Props {
  /** The code, already filled in with the learner's current settings. */
  code: string;
  language?: 'python' | 'text';
  /** What the code is, e.g. "PyTorch model for this demo". */
  label: string;
}

const PY_KEYWORDS = /\b(import|from|as|def|class|return|for|in|if|else|elif|with|while|not|and|or|None|True|False|lambda|break|continue|pass|self)\b/;

/** Minimal Python highlighting (keywords, strings, comments, numbers) for live code panels. */
function highlight(line: string) {
  const parts: preact.JSX.Element[] = [];
  const re = /(#.*$)|("[^"]*"|'[^']*')|(\b\d+(?:\.\d+)?(?:e-?\d+)?\b)|(\b[A-Za-z_]\w*\b)/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let k = 0;
  while ((m = re.exec(line))) {
    if (m.index > last) parts.push(<span key={k++}>{line.slice(last, m.index)}</span>);
    const cls = m[1] ? 'tok-comment' : m[2] ? 'tok-string' : m[3] ? 'tok-number' : PY_KEYWORDS.test(m[4] ?? '') && m[4]!.match(PY_KEYWORDS)![0] === m[4] ? 'tok-keyword' : '';
    parts.push(cls ? <span class={cls} key={k++}>{m[0]}</span> : <span key={k++}>{m[0]}</span>);
    last = m.index + m[0].length;
  }
  if (last < line.length) parts.push(<span key={k++}>{line.slice(last)}</span>);
  return parts;
}

/** The highlighted lines, rebuilt only when the code changes (not on every render of a running demo). */
class Highlighted extends Component<{ code: string; language: string }> {
  override shouldComponentUpdate(next: { code: string; language: string }) {
    return next.code !== this.props.code || next.language !== this.props.language;
  }
  override render({ code, language }: { code: string; language: string }) {
    return <>{language === 'python' ? code.split('\n').map((l, i) => <span class="code-line" key={i}>{highlight(l)}{'\n'}</span>) : code}</>;
  }
}

/** A code panel whose text follows the demo's settings, with a copy button. */
export function CodeBlock({ code, language = 'python', label }: Props) {
  const [copied, setCopied] = useState(false);
  return (
    <figure class="code-block" style="margin:0.75rem 0">
      <figcaption class="code-caption">
        <span>{label}</span>
        <button
          type="button"
          class="btn"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(code);
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            } catch {
              /* clipboard refused: the code stays selectable */
            }
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </figcaption>
      <pre tabIndex={0} aria-label={label}><code class={`language-${language}`}>
        <Highlighted code={code} language={language} />
      </code></pre>
    </figure>
  );
}
