import { overfittingRunner } from '../src/demos/overfitting/runner.ts';
import { defaults } from '../src/demos/settings-kit.ts';
import { overfittingFields } from '../src/demos/overfitting/settings.ts';
const D = defaults(overfittingFields);
function run(p: any) {
  const r = overfittingRunner({ ...D, ...p });
  while (r.advance());
  const s: any = r.snapshot();
  const L = s.train.length - 1, b = s.bestEpoch;
  return `b${b} vb${s.val[b].toFixed(2)} tr${s.train[L].toFixed(2)} v${s.val[L].toFixed(2)} va${s.valAccuracy.toFixed(2)}`;
}
for (const seed of process.argv[2].split(',').map(Number)) {
  const out = [seed + ''];
  for (const h of [2, 3, 4, 6, 8]) out.push(`h${h}: ` + run({ dataset: 'circle', seed, hidden: h, layers: 1 }));
  console.log(out.join(' | '));
}
