// A tiny seeded random generator, so the sample data is the same on every run and every platform.

/**
 * mulberry32 (Tommy Ettinger, public domain): 32 bits of state, floats in [0, 1). Math.random cannot be
 * seeded; this can, and each story gets its own seed so editing one story never changes another's numbers.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A whole number from min to max, both included. */
export function intBetween(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/**
 * Measurement noise: a whole number from -amplitude to +amplitude, most often near 0 (the sum of two
 * uniform draws is triangular), like repeated goniometer readings by a careful rater.
 */
export function noise(rand: () => number, amplitude: number): number {
  const n = Math.round((rand() + rand() - 1) * amplitude);
  return n === 0 ? 0 : n;
}
