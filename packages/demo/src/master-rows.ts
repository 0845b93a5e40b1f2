// Master-data rows: units of measure, the product hierarchy, items, locations, segments and
// customers.

import type { ImportRow } from "@fulcrum/domain";
import type { Brand, Customer, Family, FinishedSku } from "./company-model";
import { SEGMENTS } from "./customers";
import { itemStatus } from "./lifecycle";
import type { Materials } from "./materials";
import { DCS, PLANTS } from "./network";

const UNITS: readonly [string, string][] = [
  ["EA", "Each"],
  ["PK", "Pack"],
  ["CS", "Case"],
  ["L", "Litre"],
  ["M", "Metre"],
];

export function unitRows(): ImportRow[] {
  return UNITS.map(([code, name]) => ({ code, name }));
}

/** Brands at the top, families below them; SKUs hang below the families. */
export function productGroupRows(brands: readonly Brand[], families: readonly Family[]): ImportRow[] {
  return [
    ...brands.map((b) => ({ code: b.code, name: b.name, level: "brand", parent_code: null })),
    ...families.map((f) => ({ code: f.code, name: f.name, level: "family", parent_code: f.brand.code })),
  ];
}

/** Volume per unit is in litres of drink; bought materials have none. */
export function itemRows(skus: readonly FinishedSku[], materials: Materials): ImportRow[] {
  const rows: ImportRow[] = skus.map((s) => ({
    sku: s.code,
    name: s.name,
    item_type: "finished",
    group_code: s.family.code,
    uom: s.pack.uom,
    status: itemStatus(s.lifecycle),
    unit_volume: Number((s.size.litres * s.pack.count).toFixed(2)),
  }));
  for (const c of materials.components) {
    rows.push({
      sku: c.code,
      name: c.name,
      item_type: "component",
      group_code: null,
      uom: "EA",
      status: "active",
      unit_volume: c.size.litres,
    });
  }
  for (const r of materials.raws) {
    rows.push({
      sku: r.code,
      name: r.name,
      item_type: "raw",
      group_code: null,
      uom: r.uom,
      status: "active",
      unit_volume: null,
    });
  }
  return rows;
}

export function locationRows(): ImportRow[] {
  return [...PLANTS, ...DCS].map((l) => ({
    code: l.code,
    name: l.name,
    location_type: l.type,
    region: l.region,
  }));
}

export function segmentRows(): ImportRow[] {
  return SEGMENTS.map((s) => ({ code: s.code, name: s.name, priority: s.priority }));
}

export function customerRows(customers: readonly Customer[]): ImportRow[] {
  return customers.map((c) => ({
    code: c.code,
    name: c.name,
    segment: c.segment.code,
    channel: c.channel,
    region: c.region,
    // The demo has one sales user, who owns every account.
    account_manager: "sam",
  }));
}

export function bomRows(materials: Materials): ImportRow[] {
  return materials.bom.map((b) => ({
    parent_sku: b.parent,
    component_sku: b.child,
    qty_per: b.qtyPer,
    scrap_pct: b.scrapPct,
  }));
}
