// Standard costs per item and plant, rolled up the bills of material, with a cost revision on
// the day prices rose.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar } from "./calendar";
import type { FinishedSku } from "./company-model";
import { introductionMonth } from "./lifecycle";
import type { Materials } from "./materials";
import { PLANTS } from "./network";
import { labourEurPerHour } from "./resources";
import type { Operation } from "./routings";

interface UnitCost {
  readonly material: number;
  readonly labour: number;
  readonly overhead: number;
}

/** Material inflation at the revision; labour rose less. */
const MATERIAL_REVISION = 1.04;
const LABOUR_REVISION = 1.03;

/**
 * Raw materials: the main supplier's price, plus 3 % inbound handling as overhead. Made items:
 * material = Σ child unit cost × qty per × (1 + scrap), labour = Σ routing hours × the line's
 * hourly rate, overhead = 80 % of labour + 5 % of material. All in EUR cents, rounded per row.
 */
export function standardCostRows(
  skus: readonly FinishedSku[],
  materials: Materials,
  operations: readonly Operation[],
  calendar: DemoCalendar,
  increaseDay: number,
): ImportRow[] {
  const cost = new Map<string, UnitCost>();
  const plants = new Map<string, Set<number>>();
  const usedAt = (code: string, plant: number) =>
    plants.set(code, (plants.get(code) ?? new Set()).add(plant));
  for (const raw of materials.raws) {
    const material = raw.eurPerUnit;
    cost.set(raw.code, { material, labour: 0, overhead: material * 0.03 });
  }
  const labour = new Map<string, number>();
  for (const op of operations) {
    labour.set(op.item, (labour.get(op.item) ?? 0) + op.hoursPerUnit * labourEurPerHour(op.resource));
  }
  const children = new Map<string, { child: string; qty: number }[]>();
  for (const line of materials.bom) {
    const list = children.get(line.parent) ?? [];
    list.push({ child: line.child, qty: line.qtyPer * (1 + (line.scrapPct ?? 0) / 100) });
    children.set(line.parent, list);
  }
  const made = (code: string, plant: number): UnitCost => {
    const known = cost.get(code);
    if (known) return known;
    let material = 0;
    for (const { child, qty } of children.get(code) ?? []) {
      const c = made(child, plant);
      material += (c.material + c.labour + c.overhead) * qty;
      usedAt(child, plant);
    }
    const work = labour.get(code) ?? 0;
    const unit = { material, labour: work, overhead: work * 0.8 + material * 0.05 };
    cost.set(code, unit);
    return unit;
  };
  const rows: ImportRow[] = [];
  const h = calendar.history.length;
  const push = (code: string, plant: number, firstDay: number) => {
    const unit = cost.get(code)!;
    const revisions: [number, number | null, number, number][] =
      firstDay < increaseDay
        ? [
            [firstDay, increaseDay - 1, 1, 1],
            [increaseDay, null, MATERIAL_REVISION, LABOUR_REVISION],
          ]
        : [[firstDay, null, MATERIAL_REVISION, LABOUR_REVISION]];
    for (const [from, to, m, l] of revisions) {
      rows.push({
        sku: code,
        location: PLANTS[plant]!.code,
        valid_from: calendar.iso(from),
        valid_to: to === null ? null : calendar.iso(to),
        material_cost: cents(unit.material * m),
        labour_cost: cents(unit.labour * l),
        overhead_cost: cents(unit.overhead * l),
      });
    }
  };
  const start = calendar.history[0]!.firstDay;
  for (const sku of skus) {
    made(sku.code, sku.family.plant);
    const intro = introductionMonth(sku, h);
    push(sku.code, sku.family.plant, intro === null ? start : calendar.history[intro]!.firstDay);
  }
  for (const c of materials.components) push(c.code, c.plant, start);
  for (const raw of materials.raws)
    for (const plant of plants.get(raw.code) ?? []) push(raw.code, plant, start);
  return rows;
}

function cents(eur: number): number {
  return Math.round(eur * 100);
}
