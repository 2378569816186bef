/**
 * The proximal (soft-thresholding) step for an L1 penalty, applied after a plain SGD step on the
 * data loss alone (proximal gradient descent, ISTA):
 *
 *   w <- sign(w) * max(|w| - lr * lambda, 0)
 *
 * It is the exact minimiser of lambda*|w| + (1 / 2 lr) (w - w_sgd)^2, the same operator
 * coordinate descent applies in scikit-learn's Lasso, so a weight whose data gradient cannot
 * hold it away from zero lands on exactly 0 and stays there. An L1 term added to a PyTorch loss
 * does NOT do this: its subgradient lambda*sign(w) overshoots zero on every step, so the weight
 * hops around 0 (see NEAR_ZERO in settings.ts). The demo labels this variant accordingly.
 * The operator itself is the engine's (softThreshold, src/engine/penalties.ts), so the demo and
 * the replay of its "Reproduce in PyTorch" script apply the same one.
 */
export { softThreshold } from '../../engine/penalties.ts';

/** The PyTorch lines of the same step, for the code panel. */
export const PROXIMAL_TORCH = `with torch.no_grad():      # proximal step: soft-threshold by lr * lam
    for w in weights:
        w.copy_(w.sign() * (w.abs() - lr * lam).clamp(min=0))`;
