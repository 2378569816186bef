/**
 * The one Python writer of the course: number, string and list literals, `nn.Sequential(...)`
 * for a layer list, and comments at a column. The live code panels (src/demos/<name>/code.ts)
 * and the "Reproduce in PyTorch" scripts (src/reproduce) both write their Python with it.
 * Pure string building, no DOM; imports no demo.
 */
import type { LayerSpec } from '../engine/types.ts';

// ---- Numbers ----

/**
 * A Python number literal. Without `digits`: exactly the float64 (shortest round-trip form, small
 * values as 1e-05), for scripts that must reproduce a run. With `digits`: rounded to that many
 * significant digits and written as a reader expects (0.0001), for the code panels.
 * `float`: always a float literal (1.0, not 1).
 */
export function pyNumber(x: number, o: { digits?: number; float?: boolean } = {}): string {
  if (Number.isNaN(x)) return 'math.nan';
  if (x === Infinity) return 'math.inf';
  if (x === -Infinity) return '-math.inf';
  // JavaScript's number forms are valid Python literals.
  const s = o.digits !== undefined
    ? Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(o.digits)))
    : x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential() : String(x);
  return o.float && /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/** An exact Python float literal (0.0, 1.0, 1e-05): scripts. */
export const pyFloat = (x: number) => pyNumber(x, { float: true });

/** A number as the code panels write it: 6 significant digits (0.003, 1, 0.333333). */
export const pyShort = (x: number) => pyNumber(x, { digits: 6 });

/** The same, always a float (p=0.0, min_delta = 0.0). */
export const pyShortFloat = (x: number) => pyNumber(x, { digits: 6, float: true });

// ---- Strings, lists and values ----

/** A Python string literal (JSON's escapes are Python's). */
export const pyString = (s: string) => JSON.stringify(s);

/** A Python literal for a JSON-like value (None, True, exact numbers, strings, lists, dicts). */
export function pyValue(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return pyNumber(v);
  if (typeof v === 'string') return pyString(v);
  if (Array.isArray(v)) return `[${v.map(pyValue).join(', ')}]`;
  return `{${Object.entries(v as object).map(([k, x]) => `${pyString(k)}: ${pyValue(x)}`).join(', ')}}`;
}

/** A Python string literal, wrapped over lines of at most `width` characters inside parentheses. */
export function pyWrapped(text: string, indent: string, width = 96): string {
  if (text.length <= width) return `"${text}"`;
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += width) parts.push(`${indent}    "${text.slice(i, i + width)}"`);
  return `(\n${parts.join('\n')}\n${indent})`;
}

/** Items joined by spaces into lines of at most `width` characters (an item is never split). */
export function wrapItems(items: string[], width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + 1 + item.length > width) {
      out.push(line);
      line = item;
    } else line = line ? `${line} ${item}` : item;
  }
  if (line) out.push(line);
  return out;
}

/** A Python list of exact floats, wrapped over lines of at most `width` characters (continuation lines at indent + 4). */
export function pyFloatList(values: number[], indent: string, width = 96): string {
  const one = `[${values.map(pyFloat).join(', ')}]`;
  if (indent.length + one.length <= width) return one;
  const items = values.map((v, i) => `${pyFloat(v)}${i < values.length - 1 ? ',' : ''}`);
  return `[\n${wrapItems(items, width - indent.length - 4).map((l) => `${indent}    ${l}`).join('\n')}\n${indent}]`;
}

// ---- Comments ----

/** A code line with its comment starting at `column` (at least `gap` spaces after the code). */
export function pyComment(code: string, comment: string, column: number, gap = 1): string {
  return `${code}${' '.repeat(Math.max(gap, column - code.length))}# ${comment}`;
}

// ---- nn.Sequential ----

/** The layer list of an MLP on 2 inputs with one output: Linear -> [BatchNorm1d] -> activation -> [Dropout] per hidden layer. */
export function mlp(o: { hidden: number; layers: number; activation: 'relu' | 'tanh'; batchnorm?: boolean; momentum?: number; dropout?: number | null }): LayerSpec[] {
  const out: LayerSpec[] = [];
  let width = 2;
  for (let i = 0; i < o.layers; i++) {
    out.push({ type: 'linear', in: width, out: o.hidden });
    if (o.batchnorm) out.push({ type: 'batchnorm1d', features: o.hidden, ...(o.momentum !== undefined ? { momentum: o.momentum } : {}) });
    out.push({ type: o.activation });
    if (o.dropout !== undefined && o.dropout !== null) out.push({ type: 'dropout', p: o.dropout });
    width = o.hidden;
  }
  out.push({ type: 'linear', in: width, out: 1 });
  return out;
}

export interface SequentialStyle {
  /** Indent of `name = nn.Sequential(` and `)`; the layers are 4 spaces further in. */
  indent?: string;
  /** A row per layer (scripts: the rows carry the engine's layer indices), else a row per linear layer and what follows it (panels). */
  perLayer?: boolean;
  /**
   * Exact numbers and every BatchNorm1d argument (scripts), else 6 significant digits and only the
   * arguments that differ from PyTorch's defaults (panels).
   */
  exact?: boolean;
  /** A layer written otherwise (the scripts' EngineDropout); undefined: as PyTorch's. */
  layer?(l: LayerSpec, i: number): string | undefined;
  /** A row's comment: `first` is the index of its first layer, `last` whether it is the last row. */
  comment?(first: number, last: boolean): string | undefined;
  /** The column comments start at (default: two spaces after the longest row). */
  column?: number;
}

/** A layer as PyTorch writes it. */
function torchLayer(l: LayerSpec, exact: boolean): string {
  const float = exact ? pyFloat : pyShortFloat;
  switch (l.type) {
    case 'linear': return `nn.Linear(${l.in}, ${l.out})`;
    case 'relu': return 'nn.ReLU()';
    case 'tanh': return 'nn.Tanh()';
    case 'sigmoid': return 'nn.Sigmoid()';
    case 'dropout': return exact ? `nn.Dropout(${float(l.p)})` : `nn.Dropout(p=${float(l.p)})`;
    case 'batchnorm1d': {
      const eps = l.eps ?? 1e-5, momentum = l.momentum ?? 0.1;
      if (exact) return `nn.BatchNorm1d(${l.features}, eps=${float(eps)}, momentum=${float(momentum)})`;
      return `nn.BatchNorm1d(${[String(l.features), ...(eps !== 1e-5 ? [`eps=${float(eps)}`] : []), ...(momentum !== 0.1 ? [`momentum=${float(momentum)}`] : [])].join(', ')})`;
    }
  }
}

/** The rows of an nn.Sequential body (without its first and last line), indented by `indent` + 4. */
export function pySequentialRows(layers: LayerSpec[], style: SequentialStyle = {}): string[] {
  const exact = style.exact ?? false;
  const code = (l: LayerSpec, i: number) => style.layer?.(l, i) ?? torchLayer(l, exact);
  const starts = layers.map((_, i) => i).filter((i) => style.perLayer || i === 0 || layers[i].type === 'linear');
  const rows = starts.map((first, r) => {
    const end = r + 1 < starts.length ? starts[r + 1] : layers.length;
    const text = `${style.indent ?? ''}    ${layers.slice(first, end).map((l, k) => `${code(l, first + k)},`).join(' ')}`;
    return { text, comment: style.comment?.(first, r === starts.length - 1) };
  });
  const column = style.column ?? Math.max(...rows.map((r) => r.text.length)) + 2;
  return rows.map((r) => (r.comment === undefined ? r.text : pyComment(r.text, r.comment, column)));
}

/** `name = nn.Sequential(`, a row per layer or per hidden layer (see SequentialStyle), and `)`. */
export function pySequential(name: string, layers: LayerSpec[], style: SequentialStyle = {}): string[] {
  const indent = style.indent ?? '';
  return [`${indent}${name} = nn.Sequential(`, ...pySequentialRows(layers, style), `${indent})`];
}

/** A list of whole numbers as a Python list literal, wrapped at `width` characters a line. */
export function pyIntList(values: readonly number[], indent: string, width = 96): string {
  const text = values.join(', ');
  if (text.length <= width) return `[${text}]`;
  const lines: string[] = [];
  let line = '';
  for (const v of values) {
    const item = `${v},`;
    if (line && line.length + 1 + item.length > width) { lines.push(line); line = item; } else line = line ? `${line} ${item}` : item;
  }
  if (line) lines.push(line);
  return `[\n${lines.map((l) => `${indent}    ${l}`).join('\n')}\n${indent}]`;
}
