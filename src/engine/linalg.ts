// Dense float64 kernels on flat row-major buffers. Everything the network does per batch is one
// of three products, all expressed with a single strided kernel `gemm`:
//
//   forward   Y  = X W^T + b     (n x in) (out x in)^T  -> n x out     matmulABt
//   backward  dW = dY^T X        (n x out)^T (n x in)   -> out x in    matmulAtB
//             dX = dY W          (n x out) (out x in)   -> n x in      matmulAB
//
// Weights are stored out x in (PyTorch's layout), so every product walks contiguous rows.

/**
 * C[m*ldc + j] = bias[j] + sum_p A[m*am + p*ap] * B[j*bn + p*bp]   for m < M, j < N, p < K.
 * Register-blocked: 2 rows x 4 columns of C live in 8 local accumulators while p runs, so each
 * loaded A value is used 4 times and each B value twice (8 accumulators + 6 operands fit in the
 * 16 SSE registers V8 has). Edges fall back to 2x1 and 1x1 blocks.
 */
export function gemm(
  M: number, N: number, K: number,
  A: Float64Array, am: number, ap: number,
  B: Float64Array, bn: number, bp: number,
  C: Float64Array, ldc: number, bias: Float64Array | null,
): void {
  let m = 0;
  for (; m + 1 < M; m += 2) {
    let j = 0;
    for (; j + 3 < N; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      if (bias !== null) {
        c00 = c10 = bias[j]; c01 = c11 = bias[j + 1]; c02 = c12 = bias[j + 2]; c03 = c13 = bias[j + 3];
      }
      let ia = m * am, ib = j * bn;
      for (let p = 0; p < K; p++) {
        const a0 = A[ia], a1 = A[ia + am];
        const b0 = B[ib], b1 = B[ib + bn], b2 = B[ib + 2 * bn], b3 = B[ib + 3 * bn];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        ia += ap; ib += bp;
      }
      const r0 = m * ldc + j, r1 = r0 + ldc;
      C[r0] = c00; C[r0 + 1] = c01; C[r0 + 2] = c02; C[r0 + 3] = c03;
      C[r1] = c10; C[r1 + 1] = c11; C[r1 + 2] = c12; C[r1 + 3] = c13;
    }
    for (; j < N; j++) {
      let c0 = bias === null ? 0 : bias[j];
      let c1 = c0;
      let ia = m * am, ib = j * bn;
      for (let p = 0; p < K; p++) {
        const b = B[ib];
        c0 += A[ia] * b; c1 += A[ia + am] * b;
        ia += ap; ib += bp;
      }
      C[m * ldc + j] = c0;
      C[(m + 1) * ldc + j] = c1;
    }
  }
  for (; m < M; m++) {
    for (let j = 0; j < N; j++) {
      let c = bias === null ? 0 : bias[j];
      let ia = m * am, ib = j * bn;
      for (let p = 0; p < K; p++) {
        c += A[ia] * B[ib];
        ia += ap; ib += bp;
      }
      C[m * ldc + j] = c;
    }
  }
}

/** Y (n x out) = X (n x in) W^T + b, with W out x in (nn.Linear). */
export function matmulABt(X: Float64Array, W: Float64Array, b: Float64Array | null, Y: Float64Array, n: number, inF: number, outF: number): void {
  gemm(n, outF, inF, X, inF, 1, W, inF, 1, Y, outF, b);
}

/** dW (out x in) = dY^T (out x n) X (n x in). */
export function matmulAtB(dY: Float64Array, X: Float64Array, dW: Float64Array, n: number, inF: number, outF: number): void {
  gemm(outF, inF, n, dY, 1, outF, X, 1, inF, dW, inF, null);
}

/** dX (n x in) = dY (n x out) W (out x in). */
export function matmulAB(dY: Float64Array, W: Float64Array, dX: Float64Array, n: number, inF: number, outF: number): void {
  gemm(n, inF, outF, dY, outF, 1, W, 1, inF, dX, inF, null);
}

/** Column sums of an n x f row-major matrix into out (the bias gradient: db = sum_i dY[i]). */
export function columnSums(A: Float64Array, n: number, f: number, out: Float64Array): void {
  out.fill(0, 0, f);
  for (let i = 0, r = 0; i < n; i++, r += f) {
    for (let j = 0; j < f; j++) out[j] += A[r + j];
  }
}

/**
 * Solves S x = rhs for a symmetric positive-definite d x d matrix S (row-major) by Cholesky:
 * S = L L^T, then forward and back substitution. Returns null if S is not positive definite.
 */
export function choleskySolve(S: Float64Array, rhs: Float64Array, d: number): Float64Array | null {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = S[i * d + j];
      for (let k = 0; k < j; k++) s -= L[i * d + k] * L[j * d + k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i * d + i] = Math.sqrt(s);
      } else {
        L[i * d + j] = s / L[j * d + j];
      }
    }
  }
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = rhs[i];
    for (let k = 0; k < i; k++) s -= L[i * d + k] * z[k];
    z[i] = s / L[i * d + i];
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < d; k++) s -= L[k * d + i] * x[k];
    x[i] = s / L[i * d + i];
  }
  return x;
}
