// Routings: which lines make each finished SKU and each filled bottle, and how many hours a
// unit takes, sized so the plants run hot in peak season and the busiest lines need overtime.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar } from "./calendar";
import type { FinishedSku } from "./company-model";
import type { Materials } from "./materials";
import { PLANTS } from "./network";
import { stream } from "./random";
import { type Resource, type ResourceKind, regularHours } from "./resources";

export interface Operation {
  readonly item: string;
  readonly plant: number;
  readonly resource: Resource;
  readonly step: number;
  readonly hoursPerUnit: number;
}

/**
 * Finished SKUs are labelled (step 10) and, when sold in packs, packed (step 20) at their
 * family's plant; filled bottles are blended (10) and filled (20). Each item goes to the
 * least-loaded line of its kind (see `balanceLines`).
 *
 * Hours per unit = rate × work content, where content is bottles × size effort (litres on the
 * blender) and a resource's rate puts its worst history month at a target share of that month's
 * regular hours: 1.15 on the first packing line of each plant and the first labelling line of
 * the second plant, so they need overtime in peak season, and 0.85–1.1 elsewhere.
 *
 * @param delivered delivered units per SKU and history month (sku × months + month).
 */
export function planRoutings(
  seed: number,
  skus: readonly FinishedSku[],
  materials: Materials,
  resources: readonly Resource[],
  calendar: DemoCalendar,
  delivered: Float64Array,
): Operation[] {
  const rng = stream(seed, "routings");
  const h = calendar.history.length;
  const byPlant = (plant: number, kind: ResourceKind) =>
    resources.filter((r) => r.plant === plant && r.kind === kind);
  const draft: {
    item: string;
    plant: number;
    lines: readonly Resource[];
    resource?: Resource;
    step: number;
    content: number;
    units: Float64Array;
  }[] = [];
  const componentUnits = materials.components.map(() => new Float64Array(h));
  for (const sku of skus) {
    const plant = sku.family.plant;
    const units = delivered.subarray(sku.index * h, (sku.index + 1) * h);
    const content = sku.pack.count * sku.size.effort;
    draft.push({ item: sku.code, plant, lines: byPlant(plant, "LABEL"), step: 10, content, units });
    if (sku.pack.count > 1) {
      draft.push({
        item: sku.code,
        plant,
        lines: byPlant(plant, "PACK"),
        step: 20,
        content,
        units,
      });
    }
    const bottles = componentUnits[materials.componentOf[sku.index]!]!;
    for (let t = 0; t < h; t++) bottles[t] = bottles[t]! + units[t]! * sku.pack.count;
  }
  for (const c of materials.components) {
    const units = componentUnits[c.index]!;
    draft.push({
      item: c.code,
      plant: c.plant,
      lines: byPlant(c.plant, "BLEND"),
      step: 10,
      content: c.size.litres,
      units,
    });
    draft.push({
      item: c.code,
      plant: c.plant,
      lines: byPlant(c.plant, "FILL"),
      step: 20,
      content: c.size.effort,
      units,
    });
  }
  balanceLines(draft);
  const rate = resources.map((r) => {
    const load = new Float64Array(h);
    for (const d of draft) {
      if (d.resource !== r) continue;
      for (let t = 0; t < h; t++) load[t] = load[t]! + d.units[t]! * d.content;
    }
    let worst = 0;
    calendar.history.forEach((month, t) => {
      worst = Math.max(worst, load[t]! / Math.max(1, regularHours(r, month)));
    });
    const binding = (r.kind === "PACK" || (r.kind === "LABEL" && r.plant === 1)) && r.code.endsWith("-1");
    const target = binding ? 1.15 : rng.between(0.85, 1.1);
    return worst > 0 ? target / worst : 0.001;
  });
  return draft.map((d) => ({
    item: d.item,
    plant: d.plant,
    step: d.step,
    resource: d.resource!,
    hoursPerUnit: Number((rate[d.resource!.index]! * d.content).toPrecision(4)),
  }));
}

export function routingRows(operations: readonly Operation[]): ImportRow[] {
  return operations.map((o) => ({
    sku: o.item,
    location: PLANTS[o.plant]!.code,
    resource: o.resource.code,
    step: o.step,
    hours_per_unit: o.hoursPerUnit,
  }));
}

/**
 * Items go to the least-loaded line of their kind, biggest first, so the lines of a kind carry
 * similar work. (Round robin left some lines with a few low runners, whose calibrated hours per
 * unit then came out absurd: a labelling hour per bottle, labour cost far above the price.)
 */
function balanceLines(
  draft: { lines: readonly Resource[]; resource?: Resource; content: number; units: Float64Array }[],
): void {
  const load = new Map<Resource, number>();
  const work = (d: (typeof draft)[number]) => d.content * d.units.reduce((a, b) => a + b, 0);
  const order = draft.map((d, i) => ({ d, i, work: work(d) })).sort((a, b) => b.work - a.work || a.i - b.i);
  for (const { d, work: w } of order) {
    if (d.lines.length === 0) throw new Error("a plant lacks a line kind its items need");
    let best = d.lines[0]!;
    for (const line of d.lines) if ((load.get(line) ?? 0) < (load.get(best) ?? 0)) best = line;
    d.resource = best;
    load.set(best, (load.get(best) ?? 0) + w);
  }
}
