// Forecast accuracy and forecast value added over the API, measured on the cycles' snapshots.

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { request } from "./http";

export const FVA_STEPS = ["naive", "statistical", "sales", "marketing", "product", "consensus"] as const;
export type FvaStep = (typeof FVA_STEPS)[number];

export interface StepAccuracy {
  readonly step: FvaStep;
  readonly wape: number | null;
  readonly mape: number | null;
  readonly mase: number | null;
  readonly biasPct: number | null;
  readonly trackingSignal: number;
  readonly fvaVsPrevious: number | null;
  readonly fvaVsStatistical: number | null;
  readonly fvaVsNaive: number | null;
}

export interface PersonValueAdded {
  readonly person: string;
  readonly step: "sales" | "marketing" | "product" | "consensus";
  readonly cells: number;
  readonly wapeBefore: number | null;
  readonly wapeAfter: number | null;
  readonly wapeStatistical: number | null;
  readonly fva: number | null;
  readonly fvaVsStatistical: number | null;
  readonly biasPct: number | null;
}

/** A person's value added cycle by cycle; `fva` null in a month their layer changed nothing. */
export interface PersonValueAddedOverTime {
  readonly person: string;
  readonly step: PersonValueAdded["step"];
  readonly periods: readonly {
    period: string;
    cycle: string;
    cells: number;
    wapeBefore: number | null;
    wapeAfter: number | null;
    fva: number | null;
  }[];
}

export interface ForecastAccuracy {
  readonly lag: number;
  readonly level: string;
  readonly from: string;
  readonly to: string;
  readonly months: readonly { period: string; cycle: string; snapshotId: number | null }[];
  readonly cells: number;
  readonly steps: readonly StepAccuracy[];
  readonly trend: readonly { period: string; wape: Readonly<Record<string, number | null>> }[];
  readonly people: readonly PersonValueAdded[];
  readonly peopleTrend: readonly PersonValueAddedOverTime[];
  readonly biasedSeries: readonly {
    key: string;
    months: number;
    biasUnits: number;
    trackingSignal: number;
  }[];
}

export function useForecastAccuracy(lag: number, level: string) {
  return useQuery({
    queryKey: ["demand", "accuracy", lag, level],
    queryFn: () => request<ForecastAccuracy>("/demand/accuracy", { query: { lag, level } }),
    placeholderData: keepPreviousData,
  });
}
