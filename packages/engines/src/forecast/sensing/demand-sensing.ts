// Demand sensing for the next months: the orders already booked for a month say more about it than
// any history can, and say less the further ahead the month lies. Per horizon h (1 = the current
// month) the sensed forecast blends the statistical forecast with an order-based estimate,
//   estimate = booked / r_h,   sensed = (1 − w_h) · forecast + w_h · estimate,
// where r_h — the share of a month's demand usually booked h − 1 months ahead of it — and the weight
// w_h are learned from past cycles, and the blend is scored on cycles it did not learn from.

/** A month forecast in a past cycle, with what was booked for it when the cycle began and what came. */
export interface SensingObservation {
  /** The cycle (its own observations are left out when it is scored). */
  readonly cycle: string;
  /** 1 for the cycle's own month, 2 for the next, … */
  readonly horizon: number;
  readonly forecast: number;
  readonly booked: number;
  readonly actual: number;
}

export interface SensingModel {
  readonly horizon: number;
  /** Σ booked / Σ actual: the share of demand on the books at the cycle's start; 0 without demand. */
  readonly bookedShare: number;
  /** Weight of the order-based estimate, in [0, 1]. */
  readonly weight: number;
}

interface Sums {
  booked: number;
  actual: number;
  cross: number;
  square: number;
}

/**
 * The least-squares weight of (estimate − forecast) in explaining (actual − forecast), clamped to
 * [0, 1]: w = Σ(A − F)(E − F) / Σ(E − F)². 0 when the books hold nothing for the horizon.
 */
function fit(horizon: number, rows: readonly SensingObservation[]): SensingModel {
  const booked = rows.reduce((s, r) => s + r.booked, 0);
  const actual = rows.reduce((s, r) => s + r.actual, 0);
  const share = actual > 0 ? booked / actual : 0;
  if (!(share > 0)) return { horizon, bookedShare: 0, weight: 0 };
  const sums: Sums = { booked, actual, cross: 0, square: 0 };
  for (const r of rows) {
    const gap = r.booked / share - r.forecast;
    sums.cross += (r.actual - r.forecast) * gap;
    sums.square += gap * gap;
  }
  const weight = sums.square > 0 ? Math.min(1, Math.max(0, sums.cross / sums.square)) : 0;
  return { horizon, bookedShare: share, weight };
}

/** The sensed forecast of one month from its forecast and bookings under a horizon's model. */
export function sense(model: SensingModel, forecast: number, booked: number): number {
  if (model.bookedShare <= 0 || model.weight === 0) return forecast;
  return (1 - model.weight) * forecast + model.weight * (booked / model.bookedShare);
}

export interface SensingScore {
  readonly horizon: number;
  readonly model: SensingModel;
  /** Observations scored, and cycles they came from. */
  readonly observations: number;
  readonly cycles: number;
  /** WAPE (percent) of the forecast and of the sensed forecast, each cycle sensed by a model
   *  learned from the other cycles; null without demand. */
  readonly wapeForecast: number | null;
  readonly wapeSensed: number | null;
}

/**
 * Per horizon: the model learned from every cycle, and its honest score — each cycle sensed by the
 * model learned on the other cycles (leave one cycle out), so the blend is never scored on what it
 * learned from. Horizons with one cycle only are fitted but not scored.
 */
export function learnSensing(observations: readonly SensingObservation[], horizons: number): SensingScore[] {
  return Array.from({ length: horizons }, (_, i) => {
    const horizon = i + 1;
    const rows = observations.filter((o) => o.horizon === horizon);
    const cycles = [...new Set(rows.map((r) => r.cycle))];
    let errorForecast = 0;
    let errorSensed = 0;
    let volume = 0;
    if (cycles.length > 1)
      for (const cycle of cycles) {
        const model = fit(
          horizon,
          rows.filter((r) => r.cycle !== cycle),
        );
        for (const r of rows.filter((r) => r.cycle === cycle)) {
          errorForecast += Math.abs(r.actual - r.forecast);
          errorSensed += Math.abs(r.actual - sense(model, r.forecast, r.booked));
          volume += r.actual;
        }
      }
    return {
      horizon,
      model: fit(horizon, rows),
      observations: rows.length,
      cycles: cycles.length,
      wapeForecast: volume > 0 ? (100 * errorForecast) / volume : null,
      wapeSensed: volume > 0 ? (100 * errorSensed) / volume : null,
    };
  });
}
