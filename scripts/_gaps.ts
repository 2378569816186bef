import { overfittingRunner } from '../src/demos/overfitting/runner.ts';
import { coverageGaps } from '../src/demos/overfitting/verdict.ts';
import { defaults } from '../src/demos/settings-kit.ts';
import { overfittingFields } from '../src/demos/overfitting/settings.ts';
const D = defaults(overfittingFields);
for (const c of process.argv.slice(2)) {
  const p = JSON.parse(c);
  const r = overfittingRunner({ ...D, ...p });
  while (r.advance());
  const s: any = r.snapshot();
  console.log(c, JSON.stringify(coverageGaps(s.trainPoints, s.valPoints, s.valLogits)));
}
