// The monitoring measures over the API: the supply KPIs (production plan attainment and inventory
// versus plan) for closed months, each against the plan that was in force for it.

import { useQuery } from "@tanstack/react-query";
import { request } from "./http";

export interface Attainment {
  readonly key: string | null;
  readonly planned: number;
  readonly actual: number;
  /** Σ min(actual, planned) / Σ planned; null when nothing was planned. */
  readonly attainment: number | null;
  /** Share of months within ±tolerance of plan; null without months. */
  readonly withinTolerance: number | null;
}

export type StockStatus = "below-safety-stock" | "below-target" | "on-target" | "above-target";

export interface InventoryVersusPlanRow {
  readonly key: string;
  readonly period: string;
  readonly deviation: number;
  readonly deviationShare: number | null;
  readonly actualValue: number;
  readonly plannedValue: number;
  readonly deviationValue: number;
  readonly coverDays: number | null;
  readonly plannedCoverDays: number | null;
  readonly versusTarget: number;
  readonly safetyShortfall: number;
  readonly status: StockStatus;
}

export interface SupplyKpis {
  readonly from: string;
  readonly to: string;
  readonly tolerance: number;
  readonly plans: readonly { period: string; versionId: number | null; cyclePeriod: string | null }[];
  readonly attainment: {
    readonly total: Attainment;
    readonly byPlant: readonly Attainment[];
    readonly byResource: readonly Attainment[];
    readonly bySku: readonly Attainment[];
  };
  readonly inventory: {
    readonly total: {
      readonly actualValue: number;
      readonly plannedValue: number;
      readonly deviationValue: number;
      readonly belowSafetyStock: number;
    };
    readonly positions: number;
    readonly rows: readonly InventoryVersusPlanRow[];
  };
}

export function useSupplyKpis() {
  return useQuery({
    queryKey: ["monitoring", "supply"],
    queryFn: () => request<SupplyKpis>("/monitoring/supply"),
    staleTime: 60_000,
  });
}

export interface OrderService {
  readonly key: string;
  readonly lines: number;
  readonly requested: number;
  readonly unitFillRate: number | null;
  readonly lineFillRate: number | null;
  readonly otif: number | null;
  readonly cancelledLines: number;
  readonly cancelledUnits: number;
  readonly cancelledShare: number | null;
}

export interface OrderServiceReport {
  readonly from: string;
  readonly to: string;
  readonly total: OrderService | null;
  readonly byMonth: readonly OrderService[];
  readonly bySegment: readonly OrderService[];
  readonly byFamily: readonly OrderService[];
}

export function useOrderService() {
  return useQuery({
    queryKey: ["monitoring", "orders"],
    queryFn: () => request<OrderServiceReport>("/monitoring/orders"),
    staleTime: 60_000,
  });
}
