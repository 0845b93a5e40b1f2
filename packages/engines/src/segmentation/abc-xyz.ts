// ABC–XYZ classification of SKUs (or customers): ABC by their share of value — revenue or margin —
// and XYZ by how variable their monthly demand is, and the matrix of both. Service-level targets are
// then set per class: high-value steady items (AX) get the highest, low-value erratic ones (CZ) the
// lowest, so that safety stock is spent where it buys the most.

export type AbcClass = "A" | "B" | "C";
export type XyzClass = "X" | "Y" | "Z";
export type AbcXyzClass = `${AbcClass}${XyzClass}`;

export interface ClassificationThresholds {
  /** Cumulative value shares closing class A and class B (0.8 and 0.95: the 80/15/5 rule). */
  readonly a: number;
  readonly b: number;
  /** Coefficients of variation closing X and Y (0.5 and 1.0). */
  readonly x: number;
  readonly y: number;
}

export const DEFAULT_THRESHOLDS: ClassificationThresholds = { a: 0.8, b: 0.95, x: 0.5, y: 1 };

export interface ClassifiedItem {
  readonly key: string;
  /** Value over the period measured (revenue or margin, minor units). */
  readonly value: number;
  /** Share of the total value, and the cumulative share up to and including this item. */
  readonly share: number;
  readonly cumulativeShare: number;
  /** Standard deviation ÷ mean of the monthly demand; null without demand. */
  readonly cv: number | null;
  readonly abc: AbcClass;
  readonly xyz: XyzClass;
  readonly class: AbcXyzClass;
}

/**
 * Classifies items by value and by demand variability. ABC: items sorted by value, highest first;
 * an item is A while the cumulative share *before* it is below `a` (so the item that crosses 80 %
 * is still A), B below `b`, else C; items of no value are C. XYZ: the coefficient of variation of
 * the monthly demand (population standard deviation ÷ mean) — X up to `x`, Y up to `y`, else Z; an
 * item without demand is Z. Ties in value keep the input order.
 */
export function classifyAbcXyz(
  items: readonly {
    readonly key: string;
    readonly value: number;
    readonly monthlyDemand: readonly number[];
  }[],
  thresholds: ClassificationThresholds = DEFAULT_THRESHOLDS,
): ClassifiedItem[] {
  const total = items.reduce((s, i) => s + Math.max(0, i.value), 0);
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((p, q) => q.item.value - p.item.value || p.index - q.index);
  let cumulative = 0;
  return sorted.map(({ item }) => {
    const value = Math.max(0, item.value);
    const before = total > 0 ? cumulative / total : 1;
    cumulative += value;
    const abc: AbcClass = value <= 0 ? "C" : before < thresholds.a ? "A" : before < thresholds.b ? "B" : "C";
    const cv = coefficientOfVariation(item.monthlyDemand);
    const xyz: XyzClass = cv === null ? "Z" : cv <= thresholds.x ? "X" : cv <= thresholds.y ? "Y" : "Z";
    return {
      key: item.key,
      value: item.value,
      share: total > 0 ? value / total : 0,
      cumulativeShare: total > 0 ? cumulative / total : 0,
      cv,
      abc,
      xyz,
      class: `${abc}${xyz}`,
    };
  });
}

/** σ / μ with the population σ; null when the mean is not positive. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (!(mean > 0)) return null;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

export interface MatrixCell {
  readonly class: AbcXyzClass;
  readonly items: number;
  readonly value: number;
  readonly share: number;
}

/** The nine cells of the matrix, AX … CZ, with their item counts and value shares. */
export function abcXyzMatrix(items: readonly ClassifiedItem[]): MatrixCell[] {
  const total = items.reduce((s, i) => s + Math.max(0, i.value), 0);
  return (["A", "B", "C"] as const).flatMap((abc) =>
    (["X", "Y", "Z"] as const).map((xyz) => {
      const own = items.filter((i) => i.abc === abc && i.xyz === xyz);
      const value = own.reduce((s, i) => s + Math.max(0, i.value), 0);
      return {
        class: `${abc}${xyz}` as AbcXyzClass,
        items: own.length,
        value,
        share: total > 0 ? value / total : 0,
      };
    }),
  );
}

/** A usual starting point for service-level targets per class, in percent (the planner sets them). */
export const DEFAULT_CLASS_SERVICE_LEVELS: Readonly<Record<AbcXyzClass, number>> = {
  AX: 98,
  AY: 97,
  AZ: 95,
  BX: 97,
  BY: 95,
  BZ: 93,
  CX: 95,
  CY: 92,
  CZ: 90,
};
