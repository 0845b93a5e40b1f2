// The demand review's exception list over the API.

import { useQuery } from "@tanstack/react-query";
import { request } from "./http";

export type DemandExceptionKind = "biased" | "outside-band" | "changed";

export interface DemandException {
  readonly sku: string;
  readonly name: string;
  readonly family: string | null;
  readonly kind: DemandExceptionKind;
  readonly periods: readonly string[];
  readonly units: number;
  /** Minor units. */
  readonly valueAtStake: number;
  readonly percent: number | null;
  readonly trackingSignal: number | null;
}

export function useDemandExceptions(versionId: number | null) {
  return useQuery({
    queryKey: ["demand", versionId ?? 0, "exceptions"],
    queryFn: () =>
      request<{ total: number; exceptions: DemandException[] }>(`/plans/versions/${versionId}/exceptions`),
    enabled: versionId !== null,
  });
}
