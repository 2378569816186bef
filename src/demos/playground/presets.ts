/**
 * "Try it in the playground": each chapter ends with a link opening the playground with its
 * technique switched on, next to a twin without it (compare mode), on a case where it visibly
 * helps. The claim each link makes (`helps`) is checked on the engine by
 * tests/unit/playground-presets.test.ts. Pure data, no engine code: the chapters import it.
 */
import { defaults, toQuery } from '../settings-kit.ts';
import { playgroundFields, type PlaygroundSettings } from './settings.ts';

export interface Preset {
  /** The link's words after "Try it in the playground: ". */
  text: string;
  settings: Partial<PlaygroundSettings>;
  /**
   * What the link promises, compared at the end of both runs: 'val', the network's validation loss
   * (the restored best epoch's, with early stopping) is below `ratio` times its twin's; 'train',
   * its training loss is.
   */
  helps: { measure: 'val' | 'train'; ratio: number };
}

/** An overfitting case: a wide network on 100 training points with noisy labels. */
const overfits = { dataset: 'circle', noise: 0.2, points: 200, hidden: 48, layers: 2, activation: 'relu', epochs: 300 } as const;

export const PRESETS: Record<string, Preset> = {
  'what-is-regularization': {
    text: 'a wide network on noisy points, with an L2 penalty, next to its twin without one. The regularized network’s validation loss ends far lower.',
    settings: { ...overfits, l2: 0.005, compare: 'l2' },
    helps: { measure: 'val', ratio: 0.5 },
  },
  dropout: {
    text: 'dropout p = 0.5 on an overfitting network, next to its twin without dropout (same initial weights, same batches). Watch the masks change, and the validation losses part.',
    settings: { ...overfits, noise: 0.1, dropout: 0.5, compare: 'dropout' },
    helps: { measure: 'val', ratio: 0.75 },
  },
  'l1-l2': {
    text: 'an L1 penalty on the xor pattern, next to its twin without it: weights pile up near zero, and the validation loss ends lower. Move λ₁ and λ₂ while it trains.',
    settings: { ...overfits, dataset: 'xor', noise: 0.1, l1: 0.003, compare: 'l1' },
    helps: { measure: 'val', ratio: 0.75 },
  },
  'batch-normalization': {
    text: 'a deep sigmoid network (5 hidden layers) with batch normalization, next to its twin without it: one learns the xor pattern, the other stays stuck near chance.',
    settings: { dataset: 'xor', noise: 0, points: 300, hidden: 16, layers: 5, activation: 'sigmoid', optimizer: 'momentum', lr: 0.05, batch: 16, epochs: 60, batchnorm: true, compare: 'batchnorm' },
    helps: { measure: 'train', ratio: 0.5 },
  },
  'early-stopping': {
    text: 'early stopping (patience 20, best weights restored) on an overfitting network, next to its twin that trains all 300 epochs: the stop is marked on the loss curves.',
    settings: { ...overfits, earlyStopping: true, patience: 20, compare: 'early-stopping' },
    helps: { measure: 'val', ratio: 0.5 },
  },
};

/** The link's query for a chapter's preset: `?playground.l2=0.005&...` (settings that differ from the defaults). */
export function presetQuery(chapter: string): string {
  const p = Object.hasOwn(PRESETS, chapter) ? PRESETS[chapter] : undefined;
  if (!p) throw new Error(`no playground preset for chapter "${chapter}" (known: ${Object.keys(PRESETS).join(', ')})`);
  const q = new URLSearchParams(toQuery(playgroundFields, { ...defaults(playgroundFields), ...p.settings }));
  return `?${[...q].map(([k, v]) => `playground.${k}=${encodeURIComponent(v)}`).join('&')}`;
}
