// The plants' lines and their calendars: blending, filling, labelling and packing lines, hours
// per month from shifts and working days, and the resources and resource_capacity rows.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar, Month } from "./calendar";
import { PLANTS } from "./network";

export type ResourceKind = "BLEND" | "FILL" | "LABEL" | "PACK";

export interface Resource {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly plant: number;
  readonly kind: ResourceKind;
  readonly shifts: number;
}

interface KindSpec {
  readonly name: string;
  readonly shifts: number;
  readonly eurPerHour: number;
  readonly overtimeEurPerHour: number;
}

const KINDS: Record<ResourceKind, KindSpec> = {
  BLEND: { name: "Blending and pasteurising", shifts: 2, eurPerHour: 70, overtimeEurPerHour: 105 },
  FILL: { name: "Filling line", shifts: 3, eurPerHour: 95, overtimeEurPerHour: 140 },
  LABEL: { name: "Labelling line", shifts: 2, eurPerHour: 60, overtimeEurPerHour: 90 },
  PACK: { name: "Packing line", shifts: 2, eurPerHour: 55, overtimeEurPerHour: 85 },
};

/** Lines per plant at scale 1: Hamburg is the bigger plant (6 lines), Valencia has 4. */
const LAYOUT: readonly Record<ResourceKind, number>[] = [
  { BLEND: 1, FILL: 2, LABEL: 1, PACK: 2 },
  { BLEND: 1, FILL: 1, LABEL: 1, PACK: 1 },
];

/** Overtime available on top of regular hours: Saturday shifts, about a fifth more. */
const OVERTIME_SHARE = 0.2;
/** Valencia closes for the first week of August. */
const SHUTDOWN_DAYS = (plant: number, month: Month) => (plant === 1 && month.month === 8 ? 5 : 0);

export function buildResources(scale: number): Resource[] {
  const resources: Resource[] = [];
  LAYOUT.forEach((layout, plant) => {
    for (const kind of Object.keys(KINDS) as ResourceKind[]) {
      for (let n = 1; n <= layout[kind] * scale; n++) {
        resources.push({
          index: resources.length,
          code: `P${plant + 1}-${kind}-${n}`,
          name: `${PLANTS[plant]!.name.split(" ")[0]} ${KINDS[kind].name.toLowerCase()} ${n}`,
          plant,
          kind,
          shifts: KINDS[kind].shifts,
        });
      }
    }
  });
  return resources;
}

export function workingDays(resource: Resource, month: Month): number {
  return Math.max(0, month.workingDays - SHUTDOWN_DAYS(resource.plant, month));
}

/** Regular hours = working days × shifts × 8. */
export function regularHours(resource: Resource, month: Month): number {
  return workingDays(resource, month) * resource.shifts * 8;
}

export function resourceRows(resources: readonly Resource[]): ImportRow[] {
  return resources.map((r) => ({
    code: r.code,
    name: r.name,
    location: PLANTS[r.plant]!.code,
    regular_cost_per_hour: KINDS[r.kind].eurPerHour * 100,
    overtime_cost_per_hour: KINDS[r.kind].overtimeEurPerHour * 100,
  }));
}

/** Every resource for every history month and the 24 months from the current one. */
export function resourceCapacityRows(resources: readonly Resource[], calendar: DemoCalendar): ImportRow[] {
  const months = [...calendar.history, ...calendar.future];
  const rows: ImportRow[] = [];
  for (const r of resources) {
    for (const month of months) {
      const regular = regularHours(r, month);
      rows.push({
        resource: r.code,
        period: month.period,
        working_days: workingDays(r, month),
        regular_hours: regular,
        overtime_hours: Math.round(regular * OVERTIME_SHARE),
      });
    }
  }
  return rows;
}

export function labourEurPerHour(resource: Resource): number {
  return KINDS[resource.kind].eurPerHour;
}
