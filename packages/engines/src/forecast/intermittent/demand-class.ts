// Syntetos–Boylan demand classification: how often demand occurs (ADI) and how much its size
// varies (CV²) decide whether a series is forecast as smooth or with an intermittent-demand method.

export type DemandClass = "smooth" | "erratic" | "intermittent" | "lumpy" | "none";

export interface DemandProfile {
  /** Average inter-demand interval: periods per non-zero demand, n / count(yₜ > 0); ∞ when none. */
  readonly adi: number;
  /** Squared coefficient of variation of the non-zero demand sizes (population variance / mean²). */
  readonly cv2: number;
  readonly demandClass: DemandClass;
}

/** Cut-offs of Syntetos, Boylan & Croston (2005). */
export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

/**
 * Classifies a demand history: smooth (ADI < 1.32, CV² < 0.49), erratic (ADI < 1.32, CV² ≥ 0.49),
 * intermittent (ADI ≥ 1.32, CV² < 0.49), lumpy (ADI ≥ 1.32, CV² ≥ 0.49); "none" when there is no
 * positive demand. CV² is 0 with a single demand.
 */
export function classifyDemand(y: readonly number[]): DemandProfile {
  const sizes = y.filter((v) => v > 0);
  if (sizes.length === 0) return { adi: Number.POSITIVE_INFINITY, cv2: 0, demandClass: "none" };
  const adi = y.length / sizes.length;
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const variance = sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / sizes.length;
  const cv2 = variance / mean ** 2;
  const frequent = adi < ADI_CUTOFF;
  const steady = cv2 < CV2_CUTOFF;
  const demandClass: DemandClass = frequent
    ? steady
      ? "smooth"
      : "erratic"
    : steady
      ? "intermittent"
      : "lumpy";
  return { adi, cv2, demandClass };
}
