// The two-level bills of material: a finished pack is made of filled bottles (a component made
// at the family's plant) plus labels and a tray or shrink film; a filled bottle is made of
// concentrate, an empty bottle and a cap, all bought.

import type { Family, FinishedSku, Size } from "./company-model";

export interface Component {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly family: Family;
  readonly size: Size;
  readonly plant: number;
}

export interface RawMaterial {
  readonly code: string;
  readonly name: string;
  readonly uom: string;
  /** Purchase price per unit in EUR from the main supplier. */
  readonly eurPerUnit: number;
  /** Index into SUPPLIERS, main supplier first. */
  readonly suppliers: readonly number[];
  readonly leadTimeDays: number;
}

export interface BomLine {
  readonly parent: string;
  readonly child: string;
  readonly qtyPer: number;
  readonly scrapPct: number | null;
}

export interface Materials {
  readonly components: readonly Component[];
  readonly raws: readonly RawMaterial[];
  /** Finished SKUs' lines first, then the filled bottles'. */
  readonly bom: readonly BomLine[];
  /** Component index used by each finished SKU. */
  readonly componentOf: readonly number[];
}

const BOTTLE_EUR: Record<string, number> = { "033": 0.05, "050": 0.06, "100": 0.09, "150": 0.11 };
const FILM_METRES: Record<string, number> = { "4P": 0.5, "6P": 0.7 };

export function buildMaterials(skus: readonly FinishedSku[]): Materials {
  const components: Component[] = [];
  const byKey = new Map<string, Component>();
  const raws = new Map<string, RawMaterial>();
  const packing: BomLine[] = [];
  const filling: BomLine[] = [];
  const raw = (material: RawMaterial) => {
    if (!raws.has(material.code)) raws.set(material.code, material);
    return material.code;
  };
  const componentOf = skus.map((sku) => {
    const key = `${sku.family.key}-${sku.size.code}`;
    let component = byKey.get(key);
    if (!component) {
      component = {
        index: components.length,
        code: `CMP-${key}`,
        name: `Filled bottle ${sku.family.name} ${sku.size.label}`,
        family: sku.family,
        size: sku.size,
        plant: sku.family.plant,
      };
      components.push(component);
      byKey.set(key, component);
      filling.push(
        line(
          component.code,
          raw(concentrate(sku.family)),
          sku.size.litres * sku.family.concentratePerLitre,
          1.5,
        ),
        line(component.code, raw(bottle(sku.size)), 1, 1),
        line(component.code, raw(cap(sku.size)), 1, 0.5),
      );
    }
    packing.push(
      line(sku.code, component.code, sku.pack.count, null),
      line(sku.code, raw(label(sku)), sku.pack.count, 2),
    );
    if (sku.pack.code === "12T") packing.push(line(sku.code, raw(TRAY), 1, 1));
    const film = FILM_METRES[sku.pack.code];
    if (film !== undefined) packing.push(line(sku.code, raw(FILM), film, 3));
    return component.index;
  });
  return { components, raws: [...raws.values()], bom: [...packing, ...filling], componentOf };
}

function line(parent: string, child: string, qtyPer: number, scrapPct: number | null): BomLine {
  return { parent, child, qtyPer: Number(qtyPer.toPrecision(6)), scrapPct };
}

function concentrate(family: Family): RawMaterial {
  return {
    code: `RM-CONC-${family.key}`,
    name: family.concentrate,
    uom: "L",
    eurPerUnit: Math.max(0.8, family.eurPerLitre * 1.4),
    suppliers: [family.concentrateSupplier],
    leadTimeDays: family.concentrateSupplier === 0 ? 56 : 35,
  };
}

function bottle(size: Size): RawMaterial {
  return {
    code: `RM-BTL-${size.code}`,
    name: `PET bottle ${size.label}`,
    uom: "EA",
    eurPerUnit: BOTTLE_EUR[size.code] ?? 0.08,
    suppliers: size.code === "050" ? [2, 5] : [2],
    leadTimeDays: 14,
  };
}

function cap(size: Size): RawMaterial {
  return {
    code: `RM-CAP-${size.cap}`,
    name: `Screw cap ${size.cap} mm`,
    uom: "EA",
    eurPerUnit: size.cap === "26" ? 0.02 : 0.03,
    suppliers: [3],
    leadTimeDays: 21,
  };
}

function label(sku: FinishedSku): RawMaterial {
  const brand = sku.family.brand;
  return {
    code: `RM-LBL-${brand.code.replace(/^BRAND-/, "")}-${sku.size.code}`,
    name: `Label ${brand.name} ${sku.size.label}`,
    uom: "EA",
    eurPerUnit: sku.size.litres >= 1 ? 0.02 : 0.01,
    suppliers: [4],
    leadTimeDays: 10,
  };
}

const TRAY: RawMaterial = {
  code: "RM-TRAY-12",
  name: "Cardboard tray for 12 bottles",
  uom: "EA",
  eurPerUnit: 0.18,
  suppliers: [5],
  leadTimeDays: 7,
};

const FILM: RawMaterial = {
  code: "RM-FILM",
  name: "Shrink film",
  uom: "M",
  eurPerUnit: 0.05,
  suppliers: [5],
  leadTimeDays: 7,
};
