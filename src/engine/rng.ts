// Seeded random numbers: mulberry32 (Tommy Ettinger's 32-bit generator), chosen because it is
// a few lines in any language. Python port (exact, same sequence):
//
//   def mulberry32(seed):
//       s = seed & 0xFFFFFFFF
//       def nxt():
//           nonlocal s
//           s = (s + 0x6D2B79F5) & 0xFFFFFFFF
//           t = ((s ^ (s >> 15)) * (s | 1)) & 0xFFFFFFFF
//           t = ((t + (((t ^ (t >> 7)) * (t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF) ^ t
//           return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296
//       return nxt
//
// Derived draws (each documented so runs can be replayed):
//   int(n)     = floor(next() * n)
//   normal()   = Box-Muller on u = next(), v = next(): r = sqrt(-2 ln(1 - u)), returns r cos(2 pi v)
//                and caches r sin(2 pi v) for the following call
//   shuffle(a) = Fisher-Yates: for i = len-1 down to 1: j = int(i + 1); swap a[i], a[j]

export interface Rng {
  next(): number; // uniform in [0, 1)
  normal(): number; // standard normal
  int(n: number): number; // uniform integer in 0..n-1
  shuffle(a: Uint32Array | number[]): void;
  state(): number; // the 32-bit state (unsigned)
}

export function createRng(seed: number): Rng {
  return new Mulberry32(seed);
}

/** A class (not a closure) so V8 inlines next() into the loops that draw dropout masks. */
class Mulberry32 implements Rng {
  private s: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.s = seed | 0;
  }

  next(): number {
    const s = (this.s = (this.s + 0x6d2b79f5) | 0);
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const r = Math.sqrt(-2 * Math.log(1 - this.next()));
    const theta = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  shuffle(a: Uint32Array | number[]): void {
    for (let i = a.length - 1; i >= 1; i--) {
      const j = this.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  state(): number {
    return this.s >>> 0;
  }
}
