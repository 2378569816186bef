import { overfittingRunner } from '../src/demos/overfitting/runner.ts';
import { defaults } from '../src/demos/settings-kit.ts';
import { overfittingFields } from '../src/demos/overfitting/settings.ts';
const D = defaults(overfittingFields);
function run(p: any) {
  const r = overfittingRunner({ ...D, ...p });
  try { while (r.advance()); } catch (e) { return { err: String(e).slice(0, 60) }; }
  const s: any = r.snapshot();
  const L = s.train.length - 1;
  const b = s.bestEpoch;
  return { best: b, valBest: +s.val[b].toFixed(3), valEnd: +s.val[L].toFixed(3), trEnd: +s.train[L].toFixed(3), trBest: +s.train[b].toFixed(3), gap: +(s.val[L] - s.train[L]).toFixed(3), rise: +(s.val[L] / s.val[b]).toFixed(2), vacc: s.valAccuracy };
}
const ds = process.argv[2]; const seeds = process.argv[3].split(',').map(Number);
for (const seed of seeds) {
  const base = { dataset: ds, seed };
  console.log(ds, seed, JSON.stringify({ def: run(base) }));
  console.log('   noise0', JSON.stringify(run({ ...base, noise: 0 })));
  console.log('   p300  ', JSON.stringify(run({ ...base, points: 300 })));
  console.log('   4x1   ', JSON.stringify(run({ ...base, hidden: 4, layers: 1 })));
  console.log('   2x1   ', JSON.stringify(run({ ...base, hidden: 2, layers: 1 })));
  console.log('   lr10  ', JSON.stringify(run({ ...base, lr: 10 })));
}
