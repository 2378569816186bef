import { overfittingRunner } from '../src/demos/overfitting/runner.ts';
import { defaults } from '../src/demos/settings-kit.ts';
import { overfittingFields } from '../src/demos/overfitting/settings.ts';
const D = defaults(overfittingFields);
function run(p: any) {
  const r = overfittingRunner({ ...D, ...p });
  while (r.advance());
  const s: any = r.snapshot();
  const L = s.train.length - 1, b = s.bestEpoch;
  return { b, vb: s.val[b], gap: s.val[L] - s.train[L], rise: s.val[L] / s.val[b], tr: s.train[L], v: s.val[L], va: s.valAccuracy, t0: s.train[0] };
}
const f = (x: number) => x.toFixed(2);
const ds = process.argv[2];
for (let seed = +process.argv[3]; seed <= +process.argv[4]; seed++) {
  const base = { dataset: ds, seed };
  const d = run(base);
  if (d.rise < 2.5) continue;
  const h8 = run({ ...base, hidden: 8, layers: 1 });
  if (h8.rise > 1.05 || h8.va < 0.74) continue;
  const h2 = run({ ...base, hidden: 2, layers: 1 });
  const n = run({ ...base, noise: 0 });
  const p = run({ ...base, points: 300 });
  console.log(seed, `def b${d.b} gap${f(d.gap)} rise${f(d.rise)} | h8 b${h8.b} gap${f(h8.gap)} v${f(h8.v)} va${f(h8.va)} | h2 tr${f(h2.tr)} v${f(h2.v)} va${f(h2.va)} | n0 gap${f(n.gap)} rise${f(n.rise)} | p300 b${p.b} gap${f(p.gap)} rise${f(p.rise)}`);
}
