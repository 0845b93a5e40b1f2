// A hand-computable case for scheduled receipts, built on the confirmed-supplier network: C has
// no stock and a lead time of two months, so nothing bought can arrive before March; 60 C already
// on order are due in February.

import type { PeriodKey } from "@fulcrum/domain";
import type { SupplyProblem } from "../supply-problem";
import { confirmedSupplierProblem } from "./confirmed-supplier";

/** 100 A a month sold at the DC; only the open order lets anything be made before March. */
export function scheduledReceiptProblem(onOrder = 60): SupplyProblem {
  return {
    ...confirmedSupplierProblem({ leadTimeByPeriod: [2, 2, 2] }),
    scheduledReceipts: [{ sku: "C", location: "P", period: "2026-02" as PeriodKey, quantity: onOrder }],
  };
}
