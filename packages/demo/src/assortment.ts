// The product range: brands, families and finished SKUs, including which SKUs launch, phase out
// or supersede another, and how each SKU's demand is made.

import type { Brand, DemandKind, Family, FinishedSku, Lifecycle, Pack, Size } from "./company-model";
import { BRAND_NAMES, FAMILY_TEMPLATES, QUALIFIERS, seasonProfile } from "./family-templates";
import { stream } from "./random";

export const SIZES: readonly Size[] = [
  { code: "033", label: "0.33 l", litres: 0.33, cap: "26", effort: 0.8 },
  { code: "050", label: "0.5 l", litres: 0.5, cap: "26", effort: 1 },
  { code: "100", label: "1 l", litres: 1, cap: "38", effort: 1.3 },
  { code: "150", label: "1.5 l", litres: 1.5, cap: "38", effort: 1.5 },
];

export const PACKS: readonly Pack[] = [
  { code: "S", label: "", count: 1, uom: "EA" },
  { code: "4P", label: " 4-pack", count: 4, uom: "PK" },
  { code: "6P", label: " 6-pack", count: 6, uom: "PK" },
  { code: "12T", label: " tray of 12", count: 12, uom: "CS" },
];

/** Share of regular SKUs that are lumpy low runners, and of the rest that follow an M1 shape. */
const INTERMITTENT_SHARE = 0.15;
const M1_SHARE = 0.47;

export interface Assortment {
  readonly brands: readonly Brand[];
  readonly families: readonly Family[];
  readonly skus: readonly FinishedSku[];
}

export function buildAssortment(seed: number, skuCount: number, scale: number, useM1: boolean): Assortment {
  const rng = stream(seed, "assortment");
  const brands: Brand[] = [];
  for (let group = 0; group < scale; group++) {
    for (const name of BRAND_NAMES) {
      const qualified = qualify(name, group);
      brands.push({ code: `BRAND-${codePart(qualified)}`, name: qualified });
    }
  }
  const families: Family[] = [];
  for (let group = 0; group < scale; group++) {
    FAMILY_TEMPLATES.forEach((t) => {
      const key = group === 0 ? t.key : `${t.key}-${group + 1}`;
      families.push({
        index: families.length,
        code: `FAM-${key}`,
        key,
        name: qualify(t.name, group),
        brand: brands[group * BRAND_NAMES.length + t.brand]!,
        plant: t.plant,
        season: seasonProfile(t),
        concentrate: t.concentrate,
        concentrateSupplier: t.concentrateSupplier,
        eurPerLitre: t.eurPerLitre,
        concentratePerLitre: t.concentratePerLitre,
      });
    });
  }
  const weights = families.map((f) => FAMILY_TEMPLATES[f.index % FAMILY_TEMPLATES.length]!.weight);
  const familyOf = Array.from({ length: skuCount }, (_, i) =>
    i < 2 * families.length ? i % families.length : weightedPick(weights, rng.float()),
  );
  const lifecycle = assignLifecycles(rng, skuCount, familyOf);
  const variantCount = new Map<string, number>();
  const skus: FinishedSku[] = [];
  for (let i = 0; i < skuCount; i++) {
    const role = lifecycle.roles[i]!;
    const predecessor = lifecycle.predecessor[i];
    const like = predecessor === undefined ? undefined : skus[predecessor];
    const family = families[familyOf[i]!]!;
    const size = role === "successor" && like ? like.size : rng.pick(SIZES);
    const pack =
      role === "successor" && like ? like.pack : rng.pick(size.litres >= 1 ? PACKS.slice(0, 3) : PACKS);
    const template = FAMILY_TEMPLATES[family.index % FAMILY_TEMPLATES.length]!;
    const n = variantCount.get(family.code) ?? 0;
    variantCount.set(family.code, n + 1);
    const variant = template.variants[n % template.variants.length]!;
    const edition = role === "successor" ? " new recipe" : role === "launch" ? " limited" : "";
    skus.push({
      index: i,
      code: `SKU-${String(i + 1).padStart(Math.max(4, String(skuCount).length), "0")}`,
      name: `${family.brand.name} ${family.name} ${variant}${edition} ${size.label}${pack.label}`,
      family,
      size,
      pack,
      lifecycle: role,
      demandKind: demandKind(role, rng.float(), rng.float(), useM1),
      ...(predecessor === undefined ? {} : { predecessor }),
    });
  }
  return { brands, families, skus };
}

/**
 * Picks the SKUs that take part in a product transition: per 150 SKUs one launch (with a
 * like-for-like SKU of its family), one phase-out and one supersession pair. Predecessors always
 * have a lower index so they are built first.
 */
function assignLifecycles(
  rng: ReturnType<typeof stream>,
  skuCount: number,
  familyOf: number[],
): { roles: Lifecycle[]; predecessor: (number | undefined)[] } {
  const roles: Lifecycle[] = Array.from({ length: skuCount }, () => "regular");
  const predecessor: (number | undefined)[] = Array.from({ length: skuCount }, () => undefined);
  const events = Math.max(1, Math.round(skuCount / 150));
  const candidates = rng.shuffle(Array.from({ length: skuCount - 1 }, (_, i) => i + 1));
  const take = () => candidates.pop();
  for (let e = 0; e < events && candidates.length >= 4; e++) {
    const launch = take()!;
    roles[launch] = "launch";
    const likes = candidates.filter((i) => i < launch && familyOf[i] === familyOf[launch]);
    predecessor[launch] = likes.length > 0 ? rng.pick(likes) : rng.int(0, launch - 1);
    roles[take()!] = "phase_out";
    const successor = take()!;
    const olds = candidates.filter((i) => i < successor);
    if (olds.length === 0) continue;
    const old = rng.pick(olds);
    candidates.splice(candidates.indexOf(old), 1);
    roles[successor] = "successor";
    roles[old] = "superseded";
    predecessor[successor] = old;
    familyOf[successor] = familyOf[old]!;
  }
  return { roles, predecessor };
}

function demandKind(role: Lifecycle, u: number, v: number, useM1: boolean): DemandKind {
  if (role !== "regular") return "synthetic";
  if (u < INTERMITTENT_SHARE) return "intermittent";
  return useM1 && v < M1_SHARE ? "m1" : "synthetic";
}

function weightedPick(weights: readonly number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i]! / total;
    if (u < acc) return i;
  }
  return weights.length - 1;
}

function qualify(name: string, group: number): string {
  if (group === 0) return name;
  const q = QUALIFIERS[group % QUALIFIERS.length];
  return q
    ? `${name} ${q}${group >= QUALIFIERS.length ? ` ${Math.floor(group / QUALIFIERS.length) + 1}` : ""}`
    : `${name} ${group + 1}`;
}

function codePart(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, "-");
}
