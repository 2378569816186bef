import { mlpSpec } from '../classification-run.ts';
import type { NetworkSpec } from '../../engine/index.ts';

/**
 * The network of both dropout demos: `layers` hidden ReLU layers of `hidden` neurons, one logit
 * out (BCEWithLogitsLoss), Adam. With `p`, an nn.Dropout(p) follows every hidden activation;
 * without it there are no dropout layers. Dropout layers hold no weights, so with or without
 * them the same seed draws the same initial weights.
 */
export function dropoutNetworkSpec(s: { hidden: number; layers: number; lr: number; seed: number }, p?: number): NetworkSpec {
  return mlpSpec(
    { hidden: s.hidden, layers: s.layers, activation: 'relu', dropout: p },
    { loss: 'bce_with_logits', optimizer: { type: 'adam', lr: s.lr }, seed: s.seed },
  );
}
