/**
 * Python source shared by the generated scripts: the engine's random numbers (mulberry32, the
 * shuffle), exact float64 data, JSON output, the check against the numbers the demo showed, and
 * the script's header. Each piece is a list of lines; the generators put them together.
 */
import { float64ToBase64 } from './encode.ts';
import { pyString, pyWrapped, wrapItems } from '../python/writer.ts';
import type { Dataset } from '../engine/index.ts';
import type { Line, RecipeHead } from './types.ts';

/** mulberry32 exactly as src/engine/rng.ts, for ints and (vectorised) for int64 tensors. */
export const PY_MULBERRY32 = `
def imul(a, b):
    """(a * b) mod 2**32, like JavaScript's Math.imul; works on ints and on int64 tensors
    (split in 16-bit halves, so no product overflows 64 bits)."""
    return ((a & 0xFFFF) * b + (((a >> 16) * (b & 0xFFFF)) << 16)) & 0xFFFFFFFF


def mix(s):
    """mulberry32's output function of the 32-bit state s."""
    t = imul(s ^ (s >> 15), s | 1)
    t = ((t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF) ^ t
    return (t ^ (t >> 14)) & 0xFFFFFFFF


class Mulberry32:
    """The engine's random numbers (src/engine/rng.ts): mulberry32, one 32-bit state."""

    def __init__(self, state):
        self.s = state & 0xFFFFFFFF

    def next(self):
        """A uniform number in [0, 1)."""
        self.s = (self.s + 0x6D2B79F5) & 0xFFFFFFFF
        return mix(self.s) / 4294967296

    def uniform(self, count):
        """The next \`count\` numbers at once, as a float64 tensor. The state only ever grows by
        0x6D2B79F5, so the k-th number ahead is mix(s + k * 0x6D2B79F5): all of them in one go."""
        k = torch.arange(1, count + 1, dtype=torch.int64)
        values = mix((self.s + k * 0x6D2B79F5) & 0xFFFFFFFF)
        self.s = (self.s + count * 0x6D2B79F5) & 0xFFFFFFFF
        return values.to(torch.float64) / 4294967296


def shuffled(n, rng):
    """[0, 1, ..., n-1] in the engine's order: Fisher-Yates, i from n-1 down to 1, j = floor(next() * (i + 1))."""
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = math.floor(rng.next() * (i + 1))
        order[i], order[j] = order[j], order[i]
    return order
`.trim().split('\n');

/** The same generator for scripts without torch (the tests run it with a plain python3). */
export const PY_MULBERRY32_SCALAR = PY_MULBERRY32.slice(0, PY_MULBERRY32.indexOf('    def uniform(self, count):'))
  .concat(PY_MULBERRY32.slice(PY_MULBERRY32.indexOf('def shuffled(n, rng):') - 1));

/** Reading the embedded numbers, and printing lines. */
export function pyIoHelpers(tensors: boolean): string[] {
  return [
    ...(tensors
      ? [
          'def floats(text):',
          '    """Embedded float64 numbers (base64 of little-endian IEEE-754 doubles: every bit kept)."""',
          '    raw = base64.b64decode("".join(text.split()))',
          '    return torch.tensor(struct.unpack(f"<{len(raw) // 8}d", raw), dtype=torch.float64)',
        ]
      : [
          'def floats(text):',
          '    """Embedded float64 numbers (base64 of little-endian IEEE-754 doubles: every bit kept)."""',
          '    raw = base64.b64decode("".join(text.split()))',
          '    return list(struct.unpack(f"<{len(raw) // 8}d", raw))',
        ]),
    '',
    '',
    'def plain(value):',
    '    """NaN and infinities as null, as the engine writes JSON."""',
    '    if isinstance(value, float) and not math.isfinite(value):',
    '        return None',
    '    if isinstance(value, dict):',
    '        return {k: plain(v) for k, v in value.items()}',
    '    if isinstance(value, (list, tuple)):',
    '        return [plain(v) for v in value]',
    '    return value',
    '',
    '',
    'def emit(line):',
    '    """One JSON line on stdout (and a look at what the demo showed for the same epoch)."""',
    '    line = plain(line)',
    '    SHOWN_CHECK.see(line)',
    '    print(json.dumps(line), flush=True)',
  ];
}

/**
 * Compares the script's lines with the numbers the demo displayed (embedded when the script was
 * downloaded from the page); prints the verdict on stderr so stdout stays pure JSON lines. Rows are
 * matched by their key columns (the epoch; or model, fit and alpha); `coef[3]` names an element
 * of a list.
 */
export const PY_SHOWN_CHECK = `
class ShownCheck:
    """The numbers the demo showed in the browser, and how far this run is from them."""

    def __init__(self, shown):
        self.rows, self.key, self.noun = {}, [], ""
        if shown:
            self.key, self.noun = shown.pop("key"), shown.pop("noun")
            columns = {name: value if isinstance(value, list) else floats(value) for name, value in shown.items()}
            keys = zip(*(columns.pop(name) for name in self.key))
            for i, k in enumerate(keys):
                row = tuple(v if isinstance(v, str) else float(v) for v in k)
                # rows with the same key merge (a step's line and the epoch line that ends there)
                self.rows.setdefault(row, {}).update({name: float(col[i]) for name, col in columns.items() if not math.isnan(col[i])})
        self.compared, self.worst, self.where, self.misses, self.seen = 0, 0.0, "", [], set()

    def see(self, line):
        if not self.rows or any(name not in line for name in self.key):
            return
        k = tuple(line[name] for name in self.key)
        row = self.rows.get(k)
        if row:
            self.seen.add(k)
        at = " ".join(f"{name} {value}" for name, value in zip(self.key, k))
        for name, shown in (row or {}).items():
            mine = pick(line, name)
            if not isinstance(mine, (int, float)):
                continue
            gap = abs(mine - shown)  # under 1e-12: rounding noise around zero (the CLI's check allows it too)
            diff = 0.0 if gap <= 1e-12 else gap / max(abs(mine), abs(shown), 1e-300)
            self.compared += 1
            if diff > self.worst:
                self.worst, self.where = diff, f"{at} {name}"
            if diff > 1e-6:
                self.misses.append(f"{at} {name}: the demo showed {shown!r}, this run {mine!r}")

    def report(self):
        if not self.rows:
            return
        if self.misses:
            print(f"DIFFERS from the demo: {len(self.misses)} of {self.compared} numbers off by more than 1e-6, first: {self.misses[0]}", file=sys.stderr)
        else:
            where = f" ({self.where})" if self.where else ""
            print(f"Matches what the demo showed: {self.compared} numbers at {len(self.seen)} {self.noun}, worst relative difference {self.worst:.1e}{where}.", file=sys.stderr)


def pick(line, name):
    """line[name], or for "coef[3]" the element 3 of line["coef"] (None where there is none)."""
    base, bracket, index = name.partition("[")
    value = line.get(base)
    if bracket:
        i = int(index.rstrip("]"))
        value = value[i] if isinstance(value, list) and i < len(value) else None
    return value
`.trim().split('\n');

/** How a script's lines are told apart (lineKey in recipe.ts): key columns and the rows' name. */
export interface ShownKey {
  names: string[];
  noun: string;
}

/**
 * The embedded numbers the demo showed, as float64 columns (NaN: not shown; a list of numbers as
 * one column per element, `coef[0]`, `coef[1]`, ...), rows told apart by the key columns (string
 * keys as a list literal). Only numbers are compared; lines without every key column are left out.
 */
export function pyShown(shown: Line[] | undefined, key: ShownKey): string {
  const rows = (shown ?? []).filter((l) => key.names.every((k) => typeof l[k] === 'number' || typeof l[k] === 'string'));
  if (rows.length === 0) return 'SHOWN = None  # made on the command line: no numbers from a browser to compare with';
  const isList = (v: unknown): v is number[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number');
  const lines = [
    '# The numbers the demo showed in your browser for this run: the script compares itself with them.',
    'SHOWN = {',
    `    "key": ${JSON.stringify(key.names)},`,
    `    "noun": ${pyString(key.noun)},`,
  ];
  const column = (name: string, col: number[]) => lines.push(`    ${pyString(name)}: ${pyWrapped(float64ToBase64(col), '    ')},`);
  const value = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);
  for (const k of key.names) {
    if (rows.every((l) => typeof l[k] === 'string')) lines.push(`    ${pyString(k)}: ${JSON.stringify(rows.map((l) => l[k]))},`);
    else column(k, rows.map((l) => value(l[k])));
  }
  const others = [...new Set(rows.flatMap((l) => Object.keys(l)))].filter((k) => !key.names.includes(k));
  for (const k of others) {
    if (rows.some((l) => typeof l[k] === 'number')) column(k, rows.map((l) => value(l[k])));
    else if (rows.some((l) => isList(l[k]))) {
      const width = Math.max(...rows.map((l) => (isList(l[k]) ? l[k].length : 0)));
      for (let i = 0; i < width; i++) column(`${k}[${i}]`, rows.map((l) => (isList(l[k]) ? value(l[k][i]) : NaN)));
    }
  }
  lines.push('}');
  return lines.join('\n');
}

/** `key = value` pairs of the settings, wrapped for a docstring. */
export function settingsText(settings: RecipeHead['settings'], indent: string): string[] {
  const pairs = Object.entries(settings).map(([k, v], i, all) => `${k} = ${v}${i < all.length - 1 ? ',' : ''}`);
  return wrapItems(pairs, 92 - indent.length).map((l) => indent + l);
}

/** The shell-quoted --settings/--changes arguments of the CLI for this run. */
function cliArgs(head: RecipeHead, changes?: unknown[]): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return [head.demo, head.query ? `--settings ${q(head.query)}` : '', changes && changes.length ? `--changes ${q(JSON.stringify(changes))}` : '']
    .filter(Boolean)
    .join(' ');
}

/**
 * The script's docstring: what it is, how to run it, the link to the demo, the CLI commands that
 * print and check the engine's lines for the same run, the settings, and `extra` lines after them.
 */
export function pyHeader(r: RecipeHead, o: { library: string; intro: string; needs: string; changes?: unknown[]; extra?: string[] }): string[] {
  const cli = cliArgs(r, o.changes);
  return [
    '#!/usr/bin/env python3',
    `"""Reproduce in ${o.library}: "${r.title}" (Regularization Lab, ${r.chapter.page ? `page /${r.chapter.page}` : `chapter "${r.chapter.title}"`}).`,
    '',
    ...wrap(o.intro),
    '',
    `    python3 ${r.demo}.py           # needs ${o.needs} and Python's standard library`,
    '',
    `The demo with these settings: ${r.link}`,
    "The course engine's own lines for the same run, and a comparison with this script's:",
    `    npm run --silent reproduce -- ${cli} --engine`,
    `    python3 ${r.demo}.py | npm run --silent reproduce -- ${cli} --check`,
    '',
    'Settings:',
    ...settingsText(r.settings, '    '),
    ...(o.extra ?? []),
    '"""',
  ];
}
/** Text wrapped to lines of at most `width` characters (docstrings). */
export function wrap(text: string, width = 96): string[] {
  return wrapItems(text.split(/\s+/).filter(Boolean), width);
}

/** The end of every script: the numbers the demo showed, and the call of main() with the check after it. */
export function pyFooter(shown: Line[] | undefined, key: ShownKey): string[] {
  return [pyShown(shown, key), 'SHOWN_CHECK = ShownCheck(SHOWN)', '', 'if __name__ == "__main__":', '    main()', '    SHOWN_CHECK.report()', ''];
}

/** The standard-library imports every script needs (base64 + struct read the embedded float64s). */
export function pyStdImports(extra: string[] = []): string[] {
  return [...['base64', 'json', 'math', 'struct', 'sys', ...extra].sort().map((m) => `import ${m}`), ''];
}

/** torch in float64, as the engine computes. */
export const PY_TORCH_IMPORTS = [
  'import torch',
  'from torch import nn',
  '',
  'torch.set_default_dtype(torch.float64)  # the engine computes in float64 throughout',
];

/** Reading the embedded tensors, printing lines, and the check against the demo's numbers (after the script's own helpers). */
export function pyTensorIoAndCheck(): string[] {
  return ['', '', ...pyIoHelpers(true), '', '', ...PY_SHOWN_CHECK];
}

/** The embedded data set of a torch script: `DATA = {...}` of base64 float64 blobs (the validation set where there is one). */
export function pyEmbeddedData(train: Dataset, val: Dataset | null): string[] {
  const blob = (x: Float64Array) => pyWrapped(float64ToBase64(x), '    ');
  return [
    '# ---- The embedded numbers: base64 of little-endian float64, exactly the engine\'s ----',
    '',
    'DATA = {',
    `    "x_train": ${blob(train.x)},`,
    `    "y_train": ${blob(train.y)},`,
    ...(val ? [`    "x_val": ${blob(val.x)},`, `    "y_val": ${blob(val.y)},`] : []),
    '}',
  ];
}
