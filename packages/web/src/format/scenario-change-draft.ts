// The "Add change" form's inputs and the typed change they make (packages/app/src/scenarios/
// scenario-change.ts). Each input is keyed by the path of the field it fills — `periods.from`,
// `node.code` — which is also how the server names a field it refuses, so its message lands under
// the right input. The form does not second-guess the server's rules: an empty optional number is
// left out, everything else is sent as typed and the server says what is wrong.

import type { ScenarioChangeBody, ScenarioChangeKind } from "../api/scenarios";

export const CHANGE_KIND_LABELS: Record<ScenarioChangeKind, string> = {
  demand: "Demand change",
  promotion: "Promotion",
  price: "Price change",
  launch: "Launch moved",
  capacity: "Capacity change",
  supplier: "Supplier disruption",
  inventory_target: "Service level",
  cost: "Cost change",
};

export type DraftInput =
  | {
      readonly key: string;
      readonly label: string;
      readonly type: "text" | "number" | "month";
      readonly hint?: string;
    }
  | {
      readonly key: string;
      readonly label: string;
      readonly type: "select";
      readonly options: readonly { readonly value: string; readonly label: string }[];
    };

export type ChangeDraft = Readonly<Record<string, string>>;

const NODE: readonly DraftInput[] = [
  {
    key: "node.kind",
    label: "Products",
    type: "select",
    options: [
      { value: "all", label: "All products" },
      { value: "group", label: "Product group" },
      { value: "item", label: "SKU" },
    ],
  },
  { key: "node.code", label: "Group or SKU code", type: "text" },
];
const SEGMENT: DraftInput = { key: "segment", label: "Segment (empty = all)", type: "text" };
const SPAN: readonly DraftInput[] = [
  { key: "periods.from", label: "From month", type: "month" },
  { key: "periods.to", label: "To month", type: "month" },
];

/** The inputs of each kind, in the order the form shows them. */
export const CHANGE_INPUTS: Record<ScenarioChangeKind, readonly DraftInput[]> = {
  demand: [
    ...NODE,
    SEGMENT,
    ...SPAN,
    {
      key: "mode",
      label: "Change by",
      type: "select",
      options: [
        { value: "percent", label: "Percent of the plan" },
        { value: "units", label: "Units (spread in proportion)" },
      ],
    },
    { key: "amount", label: "Amount (% or units, ± )", type: "number" },
  ],
  promotion: [
    ...NODE,
    SEGMENT,
    ...SPAN,
    { key: "upliftPercent", label: "Uplift %", type: "number" },
    { key: "discountPercent", label: "Discount %", type: "number" },
  ],
  price: [
    ...NODE,
    SEGMENT,
    { key: "from", label: "From month", type: "month" },
    { key: "percent", label: "Price change %", type: "number" },
    { key: "elasticity", label: "Elasticity", type: "number", hint: "% units for 1 % price, e.g. −1.5" },
  ],
  launch: [
    { key: "sku", label: "SKU", type: "text" },
    { key: "shiftMonths", label: "Shift (months, negative = earlier)", type: "number" },
  ],
  capacity: [
    { key: "resource", label: "Resource", type: "text" },
    ...SPAN,
    {
      key: "mode",
      label: "Change",
      type: "select",
      options: [
        { value: "hours", label: "± regular hours a month" },
        { value: "lineLost", label: "Line lost" },
      ],
    },
    { key: "hours", label: "Hours a month (±)", type: "number" },
  ],
  supplier: [
    { key: "supplier", label: "Supplier", type: "text" },
    ...SPAN,
    { key: "capacityPercent", label: "Capacity left %", type: "number" },
    { key: "extraLeadTimeMonths", label: "Extra lead time (months)", type: "number" },
  ],
  inventory_target: [...NODE, { key: "serviceLevelPercent", label: "Service level %", type: "number" }],
  cost: [
    ...NODE,
    {
      key: "element",
      label: "Cost element",
      type: "select",
      options: [
        { value: "all", label: "All (standard cost)" },
        { value: "material", label: "Material" },
        { value: "labour", label: "Labour" },
        { value: "overhead", label: "Overhead" },
      ],
    },
    { key: "percent", label: "Change %", type: "number" },
  ],
};

/** Inputs hidden by another input's choice: the node code for "all products", hours for a lost line. */
export function visibleInputs(kind: ScenarioChangeKind, draft: ChangeDraft): readonly DraftInput[] {
  return CHANGE_INPUTS[kind].filter((input) => {
    if (input.key === "node.code") return (draft["node.kind"] ?? "all") !== "all";
    if (kind === "capacity" && input.key === "hours") return (draft.mode ?? "hours") === "hours";
    return true;
  });
}

/** The first option of each select, so a fresh form already holds a valid choice. */
export function initialDraft(kind: ScenarioChangeKind): ChangeDraft {
  const draft: Record<string, string> = {};
  for (const input of CHANGE_INPUTS[kind])
    if (input.type === "select") draft[input.key] = input.options[0]!.value;
  return draft;
}

const text = (draft: ChangeDraft, key: string) => (draft[key] ?? "").trim();
/** A number as typed (a true minus sign accepted); undefined when left empty. */
const num = (draft: ChangeDraft, key: string): number | undefined => {
  const raw = text(draft, key).replace("\u2212", "-").replace(",", ".");
  return raw === "" ? undefined : Number(raw);
};
const node = (draft: ChangeDraft) => {
  const kind = draft["node.kind"] ?? "all";
  return kind === "all" ? { kind } : { kind, code: text(draft, "node.code") };
};
const span = (draft: ChangeDraft) => ({ from: text(draft, "periods.from"), to: text(draft, "periods.to") });
const segment = (draft: ChangeDraft) => text(draft, "segment") || null;
/** Leaves out the keys whose value is undefined, as JSON would. */
const defined = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

/** The change the draft describes, as the API takes it. */
export function buildScenarioChange(kind: ScenarioChangeKind, draft: ChangeDraft): ScenarioChangeBody {
  switch (kind) {
    case "demand": {
      const amount = num(draft, "amount");
      return defined({
        kind,
        node: node(draft),
        segment: segment(draft),
        periods: span(draft),
        ...((draft.mode ?? "percent") === "units" ? { units: amount } : { percent: amount }),
      }) as ScenarioChangeBody;
    }
    case "promotion":
      return defined({
        kind,
        node: node(draft),
        segment: segment(draft),
        periods: span(draft),
        upliftPercent: num(draft, "upliftPercent"),
        discountPercent: num(draft, "discountPercent"),
      }) as ScenarioChangeBody;
    case "price":
      return defined({
        kind,
        node: node(draft),
        segment: segment(draft),
        from: text(draft, "from"),
        percent: num(draft, "percent"),
        elasticity: num(draft, "elasticity"),
      }) as ScenarioChangeBody;
    case "launch":
      return defined({
        kind,
        sku: text(draft, "sku"),
        shiftMonths: num(draft, "shiftMonths"),
      }) as ScenarioChangeBody;
    case "capacity":
      return defined({
        kind,
        resource: text(draft, "resource"),
        periods: span(draft),
        ...((draft.mode ?? "hours") === "lineLost" ? { lineLost: true } : { hours: num(draft, "hours") }),
      }) as ScenarioChangeBody;
    case "supplier":
      return defined({
        kind,
        supplier: text(draft, "supplier"),
        periods: span(draft),
        capacityPercent: num(draft, "capacityPercent"),
        extraLeadTimeMonths: num(draft, "extraLeadTimeMonths"),
      }) as ScenarioChangeBody;
    case "inventory_target":
      return defined({
        kind,
        node: node(draft),
        serviceLevelPercent: num(draft, "serviceLevelPercent"),
      }) as ScenarioChangeBody;
    case "cost":
      return defined({
        kind,
        node: node(draft),
        element: draft.element ?? "all",
        percent: num(draft, "percent"),
      }) as ScenarioChangeBody;
  }
}

/**
 * The input a server error belongs to: the field it names, or the nearest input above it
 * (`node` → `node.code`); the amount for the either-or rules the server names as `change`.
 */
export function inputForField(
  kind: ScenarioChangeKind,
  draft: ChangeDraft,
  field: string | undefined,
): string | null {
  if (!field) return null;
  const keys = visibleInputs(kind, draft).map((i) => i.key);
  const mapped: Record<string, string> = { percent: "amount", units: "amount", lineLost: "mode" };
  const candidates = [kind === "demand" ? (mapped[field] ?? field) : field, `${field}.code`, `${field}.from`];
  if (field === "change")
    candidates.push(kind === "demand" ? "amount" : kind === "capacity" ? "hours" : "capacityPercent");
  return candidates.find((k) => keys.includes(k)) ?? null;
}
