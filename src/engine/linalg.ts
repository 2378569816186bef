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
 *
 * Register-blocked: a 4 x 4 tile of C stays in sixteen local accumulators while p runs, so each
 * loaded value of A is used 4 times and each value of B 4 times. (In V8 every typed-array load
 * costs a bounds check and index arithmetic, so loads, not multiplies, set the speed.) Rows are
 * taken 4 at a time, then 2, then 1; columns 4 at a time, then 2 (in 4-row blocks), then 1. Index arithmetic is written
 * `(a + b) | 0` so V8 emits plain 32-bit adds without overflow checks (indices stay far below 2^31).
 */
export function gemm(
  M: number, N: number, K: number,
  A: Float64Array, am: number, ap: number,
  B: Float64Array, bn: number, bp: number,
  C: Float64Array, ldc: number, bias: Float64Array | null,
): void {
  let m = 0;
  for (; m + 3 < M; m += 4) rows4(m, N, K, A, am, ap, B, bn, bp, C, ldc, bias);
  if (m + 1 < M) { rows2(m, N, K, A, am, ap, B, bn, bp, C, ldc, bias); m += 2; }
  if (m < M) rows1(m, N, K, A, am, ap, B, bn, bp, C, ldc, bias);
}

/** Rows m..m+3 of C: 4 x 4 tiles, then 4 x 2 and 4 x 1 for the last N % 4 columns. */
function rows4(
  m: number, N: number, K: number, A: Float64Array, am: number, ap: number,
  B: Float64Array, bn: number, bp: number, C: Float64Array, ldc: number, bias: Float64Array | null,
): void {
  const am2 = (am + am) | 0, am3 = (am2 + am) | 0, bn2 = (bn + bn) | 0, bn3 = (bn2 + bn) | 0;
  const ia0 = (m * am) | 0, r0 = (m * ldc) | 0;
  let j = 0;
  for (; j + 3 < N; j += 4) {
    let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    if (bias !== null) {
      c00 = c10 = c20 = c30 = bias[j]; c01 = c11 = c21 = c31 = bias[j + 1];
      c02 = c12 = c22 = c32 = bias[j + 2]; c03 = c13 = c23 = c33 = bias[j + 3];
    }
    let ia = ia0, ib = (j * bn) | 0;
    for (let p = 0; p < K; p++) {
      const b0 = B[ib], b1 = B[(ib + bn) | 0], b2 = B[(ib + bn2) | 0], b3 = B[(ib + bn3) | 0];
      let a = A[ia];
      c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
      a = A[(ia + am) | 0];
      c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
      a = A[(ia + am2) | 0];
      c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3;
      a = A[(ia + am3) | 0];
      c30 += a * b0; c31 += a * b1; c32 += a * b2; c33 += a * b3;
      ia = (ia + ap) | 0;
      ib = (ib + bp) | 0;
    }
    let r = (r0 + j) | 0;
    C[r] = c00; C[r + 1] = c01; C[r + 2] = c02; C[r + 3] = c03; r = (r + ldc) | 0;
    C[r] = c10; C[r + 1] = c11; C[r + 2] = c12; C[r + 3] = c13; r = (r + ldc) | 0;
    C[r] = c20; C[r + 1] = c21; C[r + 2] = c22; C[r + 3] = c23; r = (r + ldc) | 0;
    C[r] = c30; C[r + 1] = c31; C[r + 2] = c32; C[r + 3] = c33;
  }
  if (j + 1 < N) {
    // 4 x 2 (the first layer's weight gradient, 8 x 2 in a Playground net, lands here)
    let c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
    if (bias !== null) { c00 = c10 = c20 = c30 = bias[j]; c01 = c11 = c21 = c31 = bias[j + 1]; }
    let ia = ia0, ib = (j * bn) | 0;
    for (let p = 0; p < K; p++) {
      const b0 = B[ib], b1 = B[(ib + bn) | 0];
      let a = A[ia];
      c00 += a * b0; c01 += a * b1;
      a = A[(ia + am) | 0];
      c10 += a * b0; c11 += a * b1;
      a = A[(ia + am2) | 0];
      c20 += a * b0; c21 += a * b1;
      a = A[(ia + am3) | 0];
      c30 += a * b0; c31 += a * b1;
      ia = (ia + ap) | 0;
      ib = (ib + bp) | 0;
    }
    let r = (r0 + j) | 0;
    C[r] = c00; C[r + 1] = c01; r = (r + ldc) | 0;
    C[r] = c10; C[r + 1] = c11; r = (r + ldc) | 0;
    C[r] = c20; C[r + 1] = c21; r = (r + ldc) | 0;
    C[r] = c30; C[r + 1] = c31;
    j += 2;
  }
  for (; j < N; j++) {
    let c0 = bias === null ? 0 : bias[j];
    let c1 = c0, c2 = c0, c3 = c0;
    let ia = ia0, ib = (j * bn) | 0;
    for (let p = 0; p < K; p++) {
      const b = B[ib];
      c0 += A[ia] * b; c1 += A[(ia + am) | 0] * b; c2 += A[(ia + am2) | 0] * b; c3 += A[(ia + am3) | 0] * b;
      ia = (ia + ap) | 0;
      ib = (ib + bp) | 0;
    }
    let r = (r0 + j) | 0;
    C[r] = c0; r = (r + ldc) | 0; C[r] = c1; r = (r + ldc) | 0; C[r] = c2; r = (r + ldc) | 0; C[r] = c3;
  }
}

/** Rows m, m+1 of C: 2 x 4 tiles, then 2 x 1. */
function rows2(
  m: number, N: number, K: number, A: Float64Array, am: number, ap: number,
  B: Float64Array, bn: number, bp: number, C: Float64Array, ldc: number, bias: Float64Array | null,
): void {
  const bn2 = (bn + bn) | 0, bn3 = (bn2 + bn) | 0;
  const ia0 = (m * am) | 0, r0 = (m * ldc) | 0;
  let j = 0;
  for (; j + 3 < N; j += 4) {
    let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    if (bias !== null) { c00 = c10 = bias[j]; c01 = c11 = bias[j + 1]; c02 = c12 = bias[j + 2]; c03 = c13 = bias[j + 3]; }
    let ia = ia0, ib = (j * bn) | 0;
    for (let p = 0; p < K; p++) {
      const b0 = B[ib], b1 = B[(ib + bn) | 0], b2 = B[(ib + bn2) | 0], b3 = B[(ib + bn3) | 0];
      let a = A[ia];
      c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
      a = A[(ia + am) | 0];
      c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
      ia = (ia + ap) | 0;
      ib = (ib + bp) | 0;
    }
    let r = (r0 + j) | 0;
    C[r] = c00; C[r + 1] = c01; C[r + 2] = c02; C[r + 3] = c03; r = (r + ldc) | 0;
    C[r] = c10; C[r + 1] = c11; C[r + 2] = c12; C[r + 3] = c13;
  }
  for (; j < N; j++) {
    let c0 = bias === null ? 0 : bias[j];
    let c1 = c0;
    let ia = ia0, ib = (j * bn) | 0;
    for (let p = 0; p < K; p++) {
      const b = B[ib];
      c0 += A[ia] * b; c1 += A[(ia + am) | 0] * b;
      ia = (ia + ap) | 0;
      ib = (ib + bp) | 0;
    }
    const r = (r0 + j) | 0;
    C[r] = c0; C[(r + ldc) | 0] = c1;
  }
}

/** Row m of C: 1 x 4 tiles, then single entries. */
function rows1(
  m: number, N: number, K: number, A: Float64Array, am: number, ap: number,
  B: Float64Array, bn: number, bp: number, C: Float64Array, ldc: number, bias: Float64Array | null,
): void {
  const bn2 = (bn + bn) | 0, bn3 = (bn2 + bn) | 0;
  const ia0 = (m * am) | 0, r0 = (m * ldc) | 0;
  let j = 0;
  for (; j + 3 < N; j += 4) {
    let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    if (bias !== null) { c0 = bias[j]; c1 = bias[j + 1]; c2 = bias[j + 2]; c3 = bias[j + 3]; }
    let ia = ia0, ib = (j * bn) | 0;
    for (let p = 0; p < K; p++) {
      const a = A[ia];
      c0 += a * B[ib]; c1 += a * B[(ib + bn) | 0]; c2 += a * B[(ib + bn2) | 0]; c3 += a * B[(ib + bn3) | 0];
      ia = (ia + ap) | 0;
      ib = (ib + bp) | 0;
    }
    const r = (r0 + j) | 0;
    C[r] = c0; C[r + 1] = c1; C[r + 2] = c2; C[r + 3] = c3;
  }
  for (; j < N; j++) {
    let c = bias === null ? 0 : bias[j];
    let ia = ia0, ib = (j * bn) | 0;
    for (let p = 0; p < K; p++) {
      c += A[ia] * B[ib];
      ia = (ia + ap) | 0;
      ib = (ib + bp) | 0;
    }
    C[(r0 + j) | 0] = c;
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

/** Column sums of an n x f row-major matrix into out (the bias gradient: db = sum_i dY[i]).
 *  Each sum stays in a register (a read-modify-write of out per element costs ~2x); rows are
 *  added in order, so the result is the same to the bit. */
export function columnSums(A: Float64Array, n: number, f: number, out: Float64Array): void {
  const len = n * f;
  for (let j = 0; j < f; j++) {
    let s = 0;
    for (let i = j; i < len; i += f) s += A[i];
    out[j] = s;
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
