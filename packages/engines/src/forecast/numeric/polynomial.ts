// Stability of a real polynomial (are all its roots inside a circle?), used by the ETS admissibility
// test without computing roots.

/**
 * True when every root of c₀ + c₁z + … + cₙzⁿ (cₙ ≠ 0) has modulus ≤ radius. Uses the Schur–Cohn
 * recursion: p is stable iff |c₀| < |cₙ| and (cₙ·p(z) − c₀·p*(z))/z is stable, where p* is the
 * reversed polynomial; roots exactly on the circle count as outside, which a radius a hair above 1
 * absorbs. O(n²), real arithmetic only.
 */
export function rootsWithin(coefficients: readonly number[], radius = 1): boolean {
  let c = coefficients.map((value, i) => value * radius ** i);
  while (c.length > 1 && c[c.length - 1] === 0) c = c.slice(0, -1);
  while (c.length > 1) {
    const n = c.length - 1;
    const lead = c[n]!;
    const constant = c[0]!;
    if (Math.abs(constant) >= Math.abs(lead)) return false;
    const next = new Array<number>(n);
    for (let j = 0; j < n; j++) next[j] = (lead * c[j + 1]! - constant * c[n - 1 - j]!) / lead;
    c = next;
  }
  return true;
}
