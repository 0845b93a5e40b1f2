// The standard normal density, distribution and loss function, and the loss function's inverse:
// what fill-rate safety stock is computed from. The quantile Φ⁻¹ lives with the forecast maths.

/** φ(z), the standard normal density. */
export function normalDensity(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * Φ(z), the standard normal distribution, via erfc by W. J. Cody's rational Chebyshev
 * approximation as given in Numerical Recipes (erfcc; fractional error below 1.2·10⁻⁷).
 */
export function normalDistribution(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * G(z) = φ(z) − z·(1 − Φ(z)), the standard normal loss function: the expected units short per
 * unit of σ when stock sits z standard deviations above mean demand. Decreasing in z; G(0) ≈ 0.3989.
 */
export function normalLoss(z: number): number {
  return normalDensity(z) - z * (1 - normalDistribution(z));
}

/**
 * The z with G(z) = loss, by bisection on [−8, 8] (G is strictly decreasing; G(−8) ≈ 8). Clamped
 * to the ends of that range for losses outside (0, G(−8)]. Accurate to 10⁻⁹ in z.
 */
export function inverseNormalLoss(loss: number): number {
  let low = -8;
  let high = 8;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (normalLoss(mid) > loss) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
