// Stability of a real polynomial (are all its roots inside a circle?), used by the ETS admissibility
// test without computing roots.

/**
 * True when every root of c₀ + c₁z + … + cₙzⁿ (cₙ ≠ 0) has modulus ≤ radius. Uses the Schur–Cohn
 * recursion: p is stable iff |c₀| < |cₙ| and (cₙ·p(z) − c₀·p*(z))/z is stable, where p* is the
 * reversed polynomial; roots exactly on the circle count as outside, which a radius a hair above 1
 * absorbs. O(n²), real arithmetic only.
 */
export function rootsWithin(
  coefficients: ArrayLike<number>,
  radius = 1,
  workspace: PolynomialWorkspace = polynomialWorkspace(coefficients.length - 1),
): boolean {
  let degree = coefficients.length - 1;
  let c = workspace.current;
  let next = workspace.next;
  let power = 1;
  for (let i = 0; i <= degree; i++) {
    c[i] = coefficients[i]! * power;
    power *= radius;
  }
  while (degree > 0 && c[degree] === 0) degree--;
  while (degree > 0) {
    const lead = c[degree]!;
    const constant = c[0]!;
    if (Math.abs(constant) >= Math.abs(lead)) return false;
    const ratio = constant / lead;
    for (let j = 0; j < degree; j++) next[j] = c[j + 1]! - ratio * c[degree - 1 - j]!;
    const swap = c;
    c = next;
    next = swap;
    degree--;
  }
  return true;
}

/** Scratch buffers for `rootsWithin`, so callers in a hot loop can avoid allocating. */
export interface PolynomialWorkspace {
  readonly current: Float64Array;
  readonly next: Float64Array;
}

export function polynomialWorkspace(degree: number): PolynomialWorkspace {
  return { current: new Float64Array(degree + 1), next: new Float64Array(degree + 1) };
}
