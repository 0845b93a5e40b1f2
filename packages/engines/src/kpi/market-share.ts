// Market share from actuals: the units the company delivered against the market's size, where
// market data exists.

/**
 * Σ units ÷ Σ market size over the rows that have a market size > 0 (a month or group without
 * market data says nothing about share); null when none has.
 */
export function marketShare(
  rows: readonly { readonly units: number; readonly marketSize: number | null }[],
): number | null {
  const known = rows.filter((r) => r.marketSize !== null && r.marketSize > 0);
  const market = known.reduce((s, r) => s + r.marketSize!, 0);
  return market > 0 ? known.reduce((s, r) => s + r.units, 0) / market : null;
}
