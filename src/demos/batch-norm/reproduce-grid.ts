/**
 * "Reproduce in PyTorch" for demo 2 (learning rates x initial scales): every pair of runs of the
 * grid, with and without batch norm, and each run's outcome exactly as the demo classifies it.
 *
 * Chaotic runs: at the grid's edge (batch norm at lr 10, initial weights x10, ...) a run amplifies
 * the last-bit rounding differences between two engines (or between Node's and a browser's
 * Math.exp) until its digits have nothing in common, though both engines compute correctly. So the
 * comparison takes every run's outcome (diverged or not, and the epoch) from the script, and its
 * digits within 1e-6, except for a run the engine itself shows to be chaotic: nudged by one part in
 * 1e12, its losses move by more than 1e-6. Those are reported by name as compared by outcome only.
 */
import { pyFloat, pyValue } from '../../python/writer.ts';
import { pyShown } from '../../reproduce/python-common.ts';

/** The grid's lines are one per cell (see lineKey in src/reproduce/recipe.ts). */
const GRID_KEY = { names: ['cell'], noun: 'cells' };
import type { Line, ProgramRecipe, RunComparison } from '../../reproduce/types.ts';
import type { ParamsJSON } from '../../engine/index.ts';
import { closeTo } from './reproduce-body.ts';
import { attempt, contender } from './networks.ts';
import { createGridRun, gridData, gridTrainer, type GridRun, type GridSnapshot } from './grid-run.ts';
import { bnEps, plainLine, sharedInit, shownLine, stepsPerEpoch, type BnData, type LinearInit } from './reproduce-body.ts';
import { bnScript, dataLines, initialRows } from './reproduce-python.ts';
import { GRID_LRS, GRID_SCALES, outcome, type GridSettings } from './settings.ts';

interface Body { data: BnData; init: Record<string, LinearInit>; eps: number }

const RUNS = [['with_bn', 'bn'], ['without_bn', 'plain']] as const;

/** One cell's line: its learning rate and scale, and for each run its outcome, final loss, divergence epoch and losses. */
function cellLine(i: number, lr: number, scale: number, runs: Record<'bn' | 'plain', GridRun>, chance: number): Line {
  const line: Line = { cell: i + 1, lr, init_scale: scale };
  for (const [name, key] of RUNS) {
    const run = runs[key];
    line[name] = outcome(run, chance);
    line[`${name}_final_loss`] = run.status === 'done' ? run.losses[run.losses.length - 1] : null;
    line[`${name}_diverged_epoch`] = run.divergedEpoch;
    line[`${name}_losses`] = run.losses;
  }
  return plainLine(line);
}

/** The engine's lines: the demo's own grid run, every pair to the end. */
function engine(r: ProgramRecipe): Line[] {
  const s = r.settings as unknown as GridSettings;
  const run = createGridRun(s);
  while (run.advance());
  const snap = run.snapshot();
  return snap.cells.map((c, i) => cellLine(i, c.lr, c.scale, c, snap.chanceLoss));
}

/** The losses of one run of the grid with its initial weights nudged by `by` (relative): how chaotic it is. */
function nudgedLosses(s: GridSettings, lr: number, scale: number, batchnorm: boolean, by: number): { losses: number[]; diverged: boolean } {
  const train = gridData(s);
  const t = gridTrainer(s, train, lr, scale, batchnorm);
  const p = t.network.params();
  const nudged = JSON.parse(JSON.stringify(p), (_k, v) => (typeof v === 'number' ? v * (1 + by) : v)) as ParamsJSON;
  t.network.loadParams(nudged);
  const c = contender(t, t.network.loss(train.x, train.y, train.n, 'eval'));
  const losses = [c.initialLoss];
  for (let e = 1; e <= s.epochs; e++) {
    const loss = attempt(c, e, 'epoch', () => t.runEpoch().trainLoss);
    if (loss === null) return { losses, diverged: true };
    losses.push(loss);
  }
  return { losses, diverged: false };
}

const NUDGE = 1e-12;

/**
 * Outcome of every run exactly (diverged or not, at which epoch, and the class), digits within
 * 1e-6; a run whose digits differ passes only when the engine shows it chaotic (see the header),
 * and then its class is not compared either (a chaotic run can end either side of a threshold).
 */
function compareGrid(script: Line[], engineLines: Line[], r: ProgramRecipe): RunComparison {
  const s = r.settings as unknown as GridSettings;
  const problems: string[] = [], notes: string[] = [];
  let worst = 0;
  if (script.length !== engineLines.length) problems.push(`${script.length} lines, the engine prints ${engineLines.length}`);
  for (let i = 0; i < Math.min(script.length, engineLines.length); i++) {
    const a = script[i], e = engineLines[i];
    for (const k of ['cell', 'lr', 'init_scale']) if (a[k] !== e[k]) problems.push(`line ${i + 1}: ${k} ${a[k]}, the engine's ${e[k]}`);
    for (const [name, key] of RUNS) {
      const where = `cell ${e.cell} (lr ${e.lr}, scale ${e.init_scale}) ${name}`;
      const divergedA = a[name] === 'diverged', divergedE = e[name] === 'diverged';
      if (divergedA !== divergedE || a[`${name}_diverged_epoch`] !== e[`${name}_diverged_epoch`]) {
        problems.push(`${where}: ${divergedA ? `diverged in epoch ${a[`${name}_diverged_epoch`]}` : 'did not diverge'}, the engine's ${divergedE ? `diverged in epoch ${e[`${name}_diverged_epoch`]}` : 'did not'}`);
        continue;
      }
      const digits = closeTo([a[`${name}_final_loss`], ...(a[`${name}_losses`] as number[])], [e[`${name}_final_loss`], ...(e[`${name}_losses`] as number[])]);
      if (digits.ok && a[name] === e[name]) {
        worst = Math.max(worst, digits.worst);
        continue;
      }
      const twin = nudgedLosses(s, e.lr as number, e.init_scale as number, key === 'bn', NUDGE);
      const moved = twin.diverged !== divergedE || !closeTo(twin.losses, e[`${name}_losses`] as number[]).ok;
      if (moved) {
        notes.push(`${where} is chaotic (the engine's own run, its initial weights nudged by ${NUDGE}, moves by more than 1e-6): compared by outcome only (${divergedE ? 'diverged' : 'did not diverge'} in both; class ${a[name]} here, ${e[name]} in the engine; final loss ${a[`${name}_final_loss`]} vs ${e[`${name}_final_loss`]})`);
      } else {
        problems.push(`${where}: ${a[name] !== e[name] ? `${a[name]}, the engine's ${e[name]}` : `losses differ by ${digits.worst.toExponential(1)} (relative)`} (not a chaotic run: the nudged engine run stays within 1e-6)`);
      }
    }
  }
  return { ok: problems.length === 0, lines: script.length, worst, problems, notes };
}

/** Every scale's initial linear weights (batch norm or not, the same; the learning rate does not change them). */
export function gridBody(s: GridSettings): Body {
  const train = gridData(s);
  const init: Record<string, LinearInit> = {};
  const bnTrainers = GRID_SCALES.map((scale) => gridTrainer(s, train, GRID_LRS[0], scale, true));
  GRID_SCALES.forEach((scale, i) => {
    init[String(scale)] = sharedInit([gridTrainer(s, train, GRID_LRS[0], scale, false), bnTrainers[i], gridTrainer(s, train, GRID_LRS[GRID_LRS.length - 1], scale, true)]);
  });
  return { data: { train, val: null }, init, eps: bnEps(bnTrainers) };
}

function script(r: ProgramRecipe): string {
  const s = r.settings as unknown as GridSettings;
  const { data, init, eps } = r.body as Body;
  const batch = Math.min(s.batch, s.points);
  const perEpoch = stepsPerEpoch(s.points, s.batch);
  const cells = GRID_SCALES.flatMap((scale) => GRID_LRS.map((lr) => `${lr}/x${scale}`));
  const table = GRID_SCALES.map((scale, row) => `    x${String(scale).padEnd(4)} ${GRID_LRS.map((_lr, c) => String(row * GRID_LRS.length + c + 1).padStart(5)).join('')}`);
  const outcomes = r.shown ? Object.fromEntries(r.shown.filter((l) => typeof l.cell === 'number').map((l) => [String(l.cell), [l.with_bn ?? null, l.without_bn ?? null]])) : null;
  return bnScript(r, data, {
    intro:
      `The grid the demo trained, rebuilt in PyTorch: for each of the ${cells.length} cells (learning rate x initial weight scale) the same network ` +
      'without and with nn.BatchNorm1d, trained with plain SGD on the same data, from the same initial weights, on the same mini-batches, ' +
      `in float64, for ${s.epochs} epochs. It prints one JSON line per cell: each run's outcome as the demo classifies it ` +
      '("diverged", "stalled", "trained" or "learning"), its final training loss, the epoch it diverged in, and its loss after every epoch. ' +
      'Most runs agree with the course engine\'s to 1e-6 (relative) or better. Runs at the edge of the grid can be chaotic: they amplify ' +
      'the last-bit rounding differences between two correct engines until their digits differ; the check compares those by outcome only ' +
      '(see "Chaotic runs" below).',
    extra: [
      `Outcomes: "diverged" (a NaN or infinite loss or weight, or a training loss over 20 times its start), "trained" (final loss below`,
      '0.2), "stalled" (final loss within 10% of a constant guess\'s), else "learning". The cells (lr across, scale down):',
      `    scale ${GRID_LRS.map((lr) => String(lr).padStart(5)).join('')}`,
      ...table,
      'Run one cell only: python3 this_file.py --cell 26',
      '',
      'Chaotic runs: a run whose digits differ from the engine\'s passes the check (npm run reproduce -- ... --check)',
      'only if the engine\'s own run, its initial weights nudged by one part in 1e12, also moves by more than 1e-6;',
      'such a run is compared by whether and when it diverged, and named in the check\'s notes.',
    ],
    constants: [
      `HIDDEN_LAYERS, HIDDEN, ACTIVATION, EPS = ${s.layers}, ${s.hidden}, ${JSON.stringify(s.activation)}, ${pyFloat(eps)}`,
      `N, BATCH, EPOCHS, STEPS_PER_EPOCH, SEED = ${s.points}, ${batch}, ${s.epochs}, ${perEpoch}, ${s.seed}`,
      `LRS = ${pyValue([...GRID_LRS])}      # the columns: learning rates of plain SGD`,
      `SCALES = ${pyValue([...GRID_SCALES])}  # the rows: multipliers of PyTorch's default initial weights`,
      'TRAINED, STALLED = 0.2, 0.9  # below 0.2: trained; at least 0.9 x the loss of a constant guess: stalled',
    ],
    main: [
      'def main():',
      ...dataLines(data, s.dataset),
      '    p = y_train.mean().item()',
      '    chance = -(p * math.log(p) + (1 - p) * math.log(1 - p))  # the loss of always guessing the class frequency',
      '    only = int(sys.argv[sys.argv.index("--cell") + 1]) if "--cell" in sys.argv else None',
      '',
      '    # 2. Every cell, row by row: the pair of runs with and without batch norm.',
      '    cell = 0',
      '    for scale in SCALES:',
      '        for lr in LRS:',
      '            cell += 1',
      '            if only is not None and cell != only:',
      '                continue',
      '            line = {"cell": cell, "lr": lr, "init_scale": scale}',
      '            for name, batchnorm in (("with_bn", True), ("without_bn", False)):',
      '                losses, diverged_epoch = train_run(x_train, y_train, lr, scale, batchnorm)',
      '                line[name] = outcome(losses, diverged_epoch, chance)',
      '                line[f"{name}_final_loss"] = losses[-1] if diverged_epoch is None else None',
      '                line[f"{name}_diverged_epoch"] = diverged_epoch',
      '                line[f"{name}_losses"] = losses',
      '            emit(line)',
    ],
    helpers: [
      'def train_run(x_train, y_train, lr, scale, batchnorm):',
      '    """One run of the grid: its training loss before training and after every epoch (eval mode, the',
      '    whole training set), and the epoch it diverged in (None if it did not)."""',
      '    model = load_linear(make_model(batchnorm), INITIAL[str(scale)])',
      '    opt = torch.optim.SGD(model.parameters(), lr=lr)  # plain SGD, one step per mini-batch',
      '    batches = Batches(N, BATCH, SEED)',
      '    losses = [eval_loss(model, x_train, y_train)]',
      '    for epoch in range(1, EPOCHS + 1):',
      '        for _ in range(STEPS_PER_EPOCH):',
      '            rows, _ = batches.next()',
      '            if step(model, opt, x_train[rows], y_train[rows]) is None:',
      '                return losses, epoch',
      '        loss = eval_loss(model, x_train, y_train)',
      '        if exploded(loss, losses[0]):',
      '            return losses, epoch',
      '        losses.append(loss)',
      '    return losses, None',
      '',
      '',
      'def outcome(losses, diverged_epoch, chance):',
      '    """What the demo calls the run."""',
      '    if diverged_epoch is not None:',
      '        return "diverged"',
      '    if losses[-1] >= STALLED * chance:',
      '        return "stalled"',
      '    return "trained" if losses[-1] < TRAINED else "learning"',
    ],
    check: [
      'class OutcomeCheck(ShownCheck):',
      '    """ShownCheck plus the outcome the demo showed for every run. A chaotic run can end with other',
      '    digits in another engine (see the top of this file): final losses that differ while every run\'s',
      '    divergence matches are reported as such, not as a failure."""',
      '',
      '    def __init__(self, shown, outcomes):',
      '        super().__init__(shown)',
      '        self.outcomes, self.outcome_misses, self.runs = outcomes or {}, [], 0',
      '',
      '    def see(self, line):',
      '        super().see(line)',
      '        for name, theirs in zip(("with_bn", "without_bn"), self.outcomes.get(str(line.get("cell")), [])):',
      '            if theirs is None:',
      '                continue',
      '            self.runs += 1',
      '            if line[name] != theirs:',
      '                self.outcome_misses.append(f"cell {line[\'cell\']} {name}: the demo showed {theirs}, this run {line[name]}")',
      '',
      '    def report(self):',
      '        if not self.rows:',
      '            return',
      '        digits = [m for m in self.misses if "_final_loss" in m]',
      '        hard = [m for m in self.misses if "_final_loss" not in m]',
      '        diverging = [m for m in self.outcome_misses if "diverged" in m]',
      '        if hard or diverging:',
      '            first = (hard + diverging)[0]',
      '            print(f"DIFFERS from the demo: {len(hard) + len(diverging)} divergences differ, first: {first}", file=sys.stderr)',
      '        elif digits or self.outcome_misses:',
      '            print(f"Matches what the demo showed in whether and when each of {self.runs} runs diverged; "',
      '                  f"{len(digits)} final losses and {len(self.outcome_misses)} outcomes differ: chaotic runs, "',
      '                  f"first: {(digits + self.outcome_misses)[0]}", file=sys.stderr)',
      '        else:',
      '            super().report()',
      '            print(f"... and the outcome of all {self.runs} runs.", file=sys.stderr)',
    ],
    key: GRID_KEY,
    footer: [
      pyShown(r.shown, GRID_KEY),
      `SHOWN_OUTCOMES = ${outcomes ? pyValue(outcomes) : 'None'}  # the demo's outcome of each cell's runs (with BN, without)`,
      'SHOWN_CHECK = OutcomeCheck(SHOWN, SHOWN_OUTCOMES)',
    ],
    embedded: [
      '# The initial weights of the linear layers for each initial scale (with or without batch norm, the same).',
      'INITIAL = {',
      ...GRID_SCALES.flatMap((scale) => [`    "${scale}": [`, ...initialRows(init[String(scale)], '        '), '    ],']),
      '}',
    ],
  });
}

export const gridProgram = { lineKey: GRID_KEY, script, engine, compare: compareGrid };

/** What the demo showed: each finished run's outcome, final loss and divergence epoch. */
export function gridShown(snapshot: unknown): Line[] {
  const snap = snapshot as GridSnapshot;
  const lines: Line[] = [];
  snap.cells.forEach((c, i) => {
    const o = { bn: outcome(c.bn, snap.chanceLoss), plain: outcome(c.plain, snap.chanceLoss) };
    if (!o.bn && !o.plain) return;
    lines.push({
      cell: i + 1,
      ...shownLine({
        with_bn_final_loss: o.bn && c.bn.status === 'done' ? c.bn.losses[c.bn.losses.length - 1] : undefined,
        without_bn_final_loss: o.plain && c.plain.status === 'done' ? c.plain.losses[c.plain.losses.length - 1] : undefined,
        with_bn_diverged_epoch: c.bn.divergedEpoch ?? undefined,
        without_bn_diverged_epoch: c.plain.divergedEpoch ?? undefined,
      }),
      ...(o.bn ? { with_bn: o.bn } : {}),
      ...(o.plain ? { without_bn: o.plain } : {}),
    });
  });
  return lines;
}
