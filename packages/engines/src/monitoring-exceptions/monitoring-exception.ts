// The exceptions the monitoring stage hands to the next cycle: where the committed plan was not
// met, as passive records (rule, subject, months, money at stake), ranked by the money so the
// reviews start with what matters most. Each rule lives in its own file beside this one.

import type { Money, PeriodKey } from "@fulcrum/domain";

export type MonitoringExceptionKind =
  | "forecast-bias"
  | "plan-attainment"
  | "inventory-above-max"
  | "inventory-below-safety-stock"
  | "otif-below-target"
  | "decision-overdue";

export type ExceptionSubjectType = "sku" | "position" | "segment" | "decision";

/** What an exception is about: a SKU, a stock position ("SKU@LOCATION"), a segment or a decision. */
export interface ExceptionSubject {
  readonly type: ExceptionSubjectType;
  readonly code: string;
}

export interface MonitoringFinding {
  /**
   * Stable identity: `kind:subject:month`, the month being the last one the exception covers (for a
   * decision, its due date). The same breach re-listed keeps its key, so an acknowledgement stays
   * with it; a new month breaching again is a new exception.
   */
  readonly key: string;
  readonly kind: MonitoringExceptionKind;
  /** One plain sentence, e.g. "SKU-1 over-forecast by more than 10 % for 3 months". */
  readonly title: string;
  readonly subject: ExceptionSubject;
  /** The months the exception covers, oldest first. */
  readonly periods: readonly PeriodKey[];
  /** Money at stake in minor units, by the rule's formula (see each rule); 0 when none can be put. */
  readonly valueAtStake: Money;
  /**
   * The measure that breached (bias share, attainment, OTIF, stock units, days overdue) and its
   * limit; measured is null where it has no value (a bias share without demand).
   */
  readonly measured: number | null;
  readonly limit: number;
  /** The units behind the value at stake (bias, shortfall, excess), or days for a decision. */
  readonly units: number;
}

export const exceptionKey = (kind: MonitoringExceptionKind, code: string, month: string) =>
  `${kind}:${code}:${month}`;

/** Largest value at stake first; ties by kind then key, so the order is the same on every run. */
export function rankByValueAtStake<T extends MonitoringFinding>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) => b.valueAtStake - a.valueAtStake || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key),
  );
}

/** A share as a whole percent for titles: 0.104 → "10 %". */
export const percent = (share: number) => `${Math.round(share * 100)} %`;
