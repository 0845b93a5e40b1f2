// The changes a what-if scenario is made of, typed: each names what it touches (a hierarchy node,
// a segment, a resource, a supplier) and over which months, and reads as one sentence in the
// scenario list. Parsed from the API's JSON here, once; everything downstream trusts the type.

import { type PeriodKey, parsePeriod } from "@fulcrum/domain";
import { z } from "zod";
import { AppError } from "../errors";

export const SCENARIO_CHANGE_KINDS = [
  "demand",
  "promotion",
  "price",
  "launch",
  "capacity",
  "supplier",
  "inventory_target",
  "cost",
] as const;
export type ScenarioChangeKind = (typeof SCENARIO_CHANGE_KINDS)[number];

/** A product hierarchy node: the whole company, a product group at any level, or one SKU. */
export type ProductNode =
  | { readonly kind: "all" }
  | { readonly kind: "group"; readonly code: string }
  | { readonly kind: "item"; readonly code: string };

export interface PeriodSpan {
  readonly from: PeriodKey;
  readonly to: PeriodKey;
}

export type ScenarioChange =
  /** More or less demand: a percentage of the plan, or units spread over the cells in proportion. */
  | {
      readonly kind: "demand";
      readonly node: ProductNode;
      readonly segment: string | null;
      readonly periods: PeriodSpan;
      readonly percent?: number;
      readonly units?: number;
    }
  /** A promotion: extra units at a discounted price for the months it runs. */
  | {
      readonly kind: "promotion";
      readonly node: ProductNode;
      readonly segment: string | null;
      readonly periods: PeriodSpan;
      readonly upliftPercent: number;
      readonly discountPercent: number;
    }
  /** A price move from a month on; demand answers through the elasticity the user gives. */
  | {
      readonly kind: "price";
      readonly node: ProductNode;
      readonly segment: string | null;
      readonly from: PeriodKey;
      readonly percent: number;
      /** % change in units for a 1 % change in price (usually negative, e.g. −1.5). */
      readonly elasticity: number;
    }
  /** A launch moved: the SKU's whole demand curve shifts by whole months (negative = earlier). */
  | { readonly kind: "launch"; readonly sku: string; readonly shiftMonths: number }
  /** A resource gains or loses regular hours every month of a span, or is lost altogether. */
  | {
      readonly kind: "capacity";
      readonly resource: string;
      readonly periods: PeriodSpan;
      readonly hours?: number;
      readonly lineLost?: boolean;
    }
  /** A supplier disruption: part of its capacity, a longer lead time, or both. */
  | {
      readonly kind: "supplier";
      readonly supplier: string;
      readonly periods: PeriodSpan;
      /** What is left of its capacity, in % (0 = nothing ships). */
      readonly capacityPercent?: number;
      readonly extraLeadTimeMonths?: number;
    }
  /** A different service level for the SKUs below a node: safety stocks are sized for it. */
  | { readonly kind: "inventory_target"; readonly node: ProductNode; readonly serviceLevelPercent: number }
  /** A standard cost move (material, labour, overhead or all) for the SKUs below a node. */
  | {
      readonly kind: "cost";
      readonly node: ProductNode;
      readonly element: "material" | "labour" | "overhead" | "all";
      readonly percent: number;
    };

const period = z.string().refine((p) => parsePeriod(p) !== null, "a month as YYYY-MM");
const node = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({ kind: z.literal("group"), code: z.string().min(1) }),
  z.object({ kind: z.literal("item"), code: z.string().min(1) }),
]);
const span = z
  .object({ from: period, to: period })
  .refine((s) => s.from <= s.to, "the span must end in or after the month it starts");
const segment = z.string().min(1).nullable().default(null);

export const scenarioChangeSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("demand"),
      node,
      segment,
      periods: span,
      percent: z.number().min(-100).max(1000).optional(),
      units: z.number().int().optional(),
    })
    .refine((c) => (c.percent === undefined) !== (c.units === undefined), "give either percent or units"),
  z.object({
    kind: z.literal("promotion"),
    node,
    segment,
    periods: span,
    upliftPercent: z.number().min(0).max(1000),
    discountPercent: z.number().min(0).max(100),
  }),
  z.object({
    kind: z.literal("price"),
    node,
    segment,
    from: period,
    percent: z.number().gt(-100).max(1000),
    elasticity: z.number().min(-20).max(5),
  }),
  z.object({
    kind: z.literal("launch"),
    sku: z.string().min(1),
    shiftMonths: z.number().int().min(-24).max(24),
  }),
  z
    .object({
      kind: z.literal("capacity"),
      resource: z.string().min(1),
      periods: span,
      hours: z.number().optional(),
      lineLost: z.boolean().optional(),
    })
    .refine((c) => (c.hours === undefined) !== (c.lineLost !== true), "give either hours or lineLost"),
  z
    .object({
      kind: z.literal("supplier"),
      supplier: z.string().min(1),
      periods: span,
      capacityPercent: z.number().min(0).max(100).optional(),
      extraLeadTimeMonths: z.number().int().min(1).max(12).optional(),
    })
    .refine(
      (c) => c.capacityPercent !== undefined || c.extraLeadTimeMonths !== undefined,
      "give capacityPercent, extraLeadTimeMonths or both",
    ),
  z.object({
    kind: z.literal("inventory_target"),
    node,
    serviceLevelPercent: z.number().gt(50).lt(100),
  }),
  z.object({
    kind: z.literal("cost"),
    node,
    element: z.enum(["material", "labour", "overhead", "all"]),
    percent: z.number().gt(-100).max(1000),
  }),
]);

/** The change from JSON, or an invalid_data error naming the field at fault. */
export function parseScenarioChange(input: unknown): ScenarioChange {
  const parsed = scenarioChangeSchema.safeParse(input);
  if (parsed.success) return parsed.data as ScenarioChange;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join(".") || "change";
  throw new AppError("invalid_data", `scenario change: ${field}: ${issue.message}`, { field });
}

const signed = (n: number, unit: string) => `${n > 0 ? "+" : ""}${n.toLocaleString("en")}${unit}`;
const nodeText = (n: ProductNode) => (n.kind === "all" ? "all products" : n.code);
const spanText = (s: PeriodSpan) => (s.from === s.to ? s.from : `${s.from}…${s.to}`);
const inSegment = (s: string | null) => (s ? ` in ${s}` : "");

/** The change as one sentence, for the scenario list and the executive pack. */
export function describeScenarioChange(c: ScenarioChange): string {
  switch (c.kind) {
    case "demand":
      return `Demand ${c.percent !== undefined ? signed(c.percent, " %") : signed(c.units ?? 0, " units")} on ${nodeText(c.node)}${inSegment(c.segment)}, ${spanText(c.periods)}`;
    case "promotion":
      return `Promotion on ${nodeText(c.node)}${inSegment(c.segment)}, ${spanText(c.periods)}: ${signed(c.upliftPercent, " %")} units at ${c.discountPercent} % off`;
    case "price":
      return `Price ${signed(c.percent, " %")} on ${nodeText(c.node)}${inSegment(c.segment)} from ${c.from} (elasticity ${c.elasticity})`;
    case "launch":
      return `Launch of ${c.sku} moved ${signed(c.shiftMonths, c.shiftMonths === 1 || c.shiftMonths === -1 ? " month" : " months")}`;
    case "capacity":
      return c.lineLost
        ? `${c.resource} lost, ${spanText(c.periods)}`
        : `${c.resource} ${signed(c.hours ?? 0, " h")} a month, ${spanText(c.periods)}`;
    case "supplier": {
      const parts = [
        c.capacityPercent !== undefined ? `${c.capacityPercent} % of capacity` : null,
        c.extraLeadTimeMonths !== undefined ? `lead time +${c.extraLeadTimeMonths} months` : null,
      ].filter(Boolean);
      return `Supplier ${c.supplier} disrupted, ${spanText(c.periods)}: ${parts.join(", ")}`;
    }
    case "inventory_target":
      return `Service level ${c.serviceLevelPercent} % on ${nodeText(c.node)}`;
    case "cost":
      return `${c.element === "all" ? "Standard cost" : `${c.element[0]!.toUpperCase()}${c.element.slice(1)} cost`} ${signed(c.percent, " %")} on ${nodeText(c.node)}`;
  }
}

/** The product nodes a change reads, so the service can resolve each to its SKUs once. */
export function nodesOf(c: ScenarioChange): ProductNode[] {
  if ("node" in c) return [c.node];
  if (c.kind === "launch") return [{ kind: "item", code: c.sku }];
  return [];
}

export const nodeKey = (n: ProductNode) => (n.kind === "all" ? "all" : `${n.kind}:${n.code}`);
