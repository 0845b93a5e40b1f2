// What capable-to-promise is computed from, for one SKU-location: the plants that make it with their
// routing and bill of materials (static data, read before any lock so the locks to take are known),
// then inside the locks the hours the committed plan leaves spare on those resources less what
// accepted CTP promises reserved, and what the plan leaves of each component at each plant.

import {
  allocateAtp,
  atpAvailableTo,
  availableToPromise,
  type CtpInput,
  type CtpSource,
  consumePromises,
} from "@fulcrum/engines";
import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import { LANE_LEAD_TIME_PERIODS } from "../supply/supply-assumptions";
import type { ResourceLoad } from "../supply/supply-output";
import { type committedPlanFor, loadPromisingInputs } from "./promising-data";

type CommittedPlan = NonNullable<Awaited<ReturnType<typeof committedPlanFor>>>;

/** How the SKU can be made for the location: each plant with a routing for it that can reach it. */
export async function ctpSources(db: Kysely<Schema>, sku: string, location: string): Promise<CtpSource[]> {
  const routings = await sql<{ plant: string; resource: string; hours: number; kind: string }>`
    SELECT r.location AS plant, r.resource, r.hours_per_unit AS hours, l.location_type AS kind
    FROM routings r, locations l WHERE r.sku = ${sku} AND l.code = ${location}
    ORDER BY r.location, r.step`.execute(db);
  const bom = await sql<{ component: string; quantity: number }>`
    SELECT component_sku AS component, (qty_per * (1 + coalesce(scrap_pct, 0) / 100))::float8 AS quantity
    FROM bom WHERE parent_sku = ${sku} ORDER BY component_sku`.execute(db);
  const plants = new Map<string, CtpSource>();
  for (const r of routings.rows) {
    // A plant ships to every DC (the supply plan's lanes); another plant is not a destination.
    if (r.plant !== location && r.kind !== "dc") continue;
    let source = plants.get(r.plant);
    if (!source) {
      source = {
        plant: r.plant,
        leadTimePeriods: r.plant === location ? 0 : LANE_LEAD_TIME_PERIODS,
        routing: [],
        bom: bom.rows.map((b) => ({ component: b.component, quantityPer: b.quantity })),
      };
      plants.set(r.plant, source);
    }
    (source.routing as { resource: string; hoursPerUnit: number }[]).push({
      resource: r.resource,
      hoursPerUnit: r.hours,
    });
  }
  return [...plants.values()];
}

/**
 * The advisory locks a CTP acceptance holds besides its own SKU-location's: each resource's hours
 * (shared by every SKU routed over it) and each component at each plant (the component's own
 * SKU-location lock, as its ATP is what the reservation takes).
 */
export function ctpLockKeys(sources: readonly CtpSource[]): string[] {
  const keys = new Set<string>();
  for (const s of sources) {
    for (const r of s.routing) keys.add(`capacity:${r.resource}`);
    for (const b of s.bom) keys.add(`promise:${b.component}@${s.plant}`);
  }
  return [...keys];
}

/** Hours per period each resource of the sources has spare: regular hours less the plan's load and the reservations. */
export async function spareHours(
  db: Kysely<Schema>,
  plan: CommittedPlan,
  resources: readonly string[],
): Promise<Map<string, number[]>> {
  const periods = ((plan.supply_summary as { periods?: string[] }).periods ?? []).slice();
  const loads = (plan.supply_summary as { capacity?: ResourceLoad[] }).capacity ?? [];
  const spare = new Map<string, number[]>();
  for (const code of resources) {
    const load = loads.find((l) => l.resource === code);
    spare.set(
      code,
      periods.map((_, t) => (load ? Math.max(0, (load.regularHours[t] ?? 0) - (load.load[t] ?? 0)) : 0)),
    );
  }
  if (resources.length === 0) return spare;
  const reserved = await sql<{ code: string; period: string; hours: number }>`
    SELECT r.code, r.period, sum(r.quantity)::float8 AS hours
    FROM promise_reservations r JOIN promises p ON p.id = r.promise_id
    WHERE r.kind = 'capacity' AND r.code = ANY(${[...resources]}) AND p.status = 'accepted'
    GROUP BY 1, 2`.execute(db);
  for (const r of reserved.rows) {
    const t = periods.indexOf(r.period);
    const hours = spare.get(r.code);
    if (t >= 0 && hours) hours[t] = Math.max(0, hours[t]! - r.hours);
  }
  return spare;
}

/** Everything `capableToPromise` needs for the sources, against the committed plan. */
export async function loadCtpInput(
  db: Kysely<Schema>,
  plan: CommittedPlan,
  sources: readonly CtpSource[],
  current: number,
): Promise<CtpInput> {
  const periods = ((plan.supply_summary as { periods?: string[] }).periods ?? []).slice();
  const resources = [...new Set(sources.flatMap((s) => s.routing.map((r) => r.resource)))];
  const material = new Map<string, number[]>();
  for (const s of sources)
    for (const b of s.bom) {
      const key = `${b.component}@${s.plant}`;
      if (material.has(key)) continue;
      // A component's ATP at the plant, every promise and reservation of it taken; allocations to
      // segments are for selling, not for making, so a component is read without them.
      const inputs = await loadPromisingInputs(db, plan, b.component, s.plant);
      const pools = allocateAtp(availableToPromise(inputs.atp), null, current);
      consumePromises(pools, inputs.promises);
      material.set(
        key,
        periods.map((_, t) => atpAvailableTo(pools, "*", t)),
      );
    }
  return { periods, current, spareHours: await spareHours(db, plan, resources), material, sources };
}
