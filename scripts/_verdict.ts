import { overfittingRunner } from '../src/demos/overfitting/runner.ts';
import { overfittingVerdict, coverageGaps } from '../src/demos/overfitting/verdict.ts';
import { defaults } from '../src/demos/settings-kit.ts';
import { overfittingFields } from '../src/demos/overfitting/settings.ts';
const D = defaults(overfittingFields);
function run(p: any) {
  const set = { ...D, ...p };
  const r = overfittingRunner(set);
  const kinds: string[] = [];
  let s: any;
  try { while (r.advance()) { s = r.snapshot(); if (s.epoch % 50 === 0) { const v = overfittingVerdict({ ...s, noise: set.noise }); kinds.push((v?.kind ?? '-').slice(0, 5)); } } } catch (e) { return String(e).slice(0, 80); }
  s = r.snapshot();
  const v = overfittingVerdict({ ...s, noise: set.noise });
  const L = s.train.length - 1;
  return `b${s.bestEpoch} tr${s.train[L].toFixed(3)} v${s.val[L].toFixed(3)} vb${s.val[s.bestEpoch].toFixed(3)} ta${s.trainAccuracy.toFixed(2)} va${s.valAccuracy.toFixed(2)} [${kinds.join(',')}] ${v?.kind}: ${v?.text}`;
}
for (const c of process.argv.slice(2)) {
  const [ds, seed] = c.split(':');
  const base = { dataset: ds, seed: +seed };
  console.log('==', c);
  for (const [name, p] of [['def', {}], ['n0', { noise: 0 }], ['p300', { points: 300 }], ['h8', { hidden: 8, layers: 1 }], ['h4', { hidden: 4, layers: 1 }], ['h2', { hidden: 2, layers: 1 }]] as const) console.log(' ', name, run({ ...base, ...p }));
}
