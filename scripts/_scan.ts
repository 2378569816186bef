import { overfittingRunner } from '../src/demos/overfitting/runner.ts';
import { defaults } from '../src/demos/settings-kit.ts';
import { overfittingFields } from '../src/demos/overfitting/settings.ts';
const D = defaults(overfittingFields);
function run(p: any) {
  const r = overfittingRunner({ ...D, ...p });
  while (r.advance());
  const s: any = r.snapshot();
  const L = s.train.length - 1, b = s.bestEpoch;
  return { b, gap: s.val[L] - s.train[L], rise: s.val[L] / s.val[b], tr: s.train[L], v: s.val[L] };
}
const ds = process.argv[2];
for (let seed = +process.argv[3]; seed <= +process.argv[4]; seed++) {
  const base = { dataset: ds, seed };
  const d = run(base), n = run({ ...base, noise: 0 }), s4 = run({ ...base, hidden: 4, layers: 1 });
  const ok = d.rise > 2 && n.rise < 1.05 && s4.rise < 1.1;
  if (!ok) { console.log(seed, 'skip', d.rise.toFixed(2), n.rise.toFixed(2), s4.rise.toFixed(2)); continue; }
  const p = run({ ...base, points: 300 });
  console.log(seed, 'def', d.b, d.gap.toFixed(2), d.rise.toFixed(2), '| n0', n.gap.toFixed(3), n.rise.toFixed(2), '| 4x1', s4.b, s4.gap.toFixed(2), s4.rise.toFixed(2), '| p300', p.b, p.gap.toFixed(2), p.rise.toFixed(2));
}
