// The beverage families the demo company sells, with their seasonality and raw material. Larger
// companies repeat them under qualified names ("Orange juice Organic").

export interface FamilyTemplate {
  readonly key: string;
  readonly name: string;
  /** Index into BRAND_NAMES. */
  readonly brand: number;
  readonly plant: number;
  readonly concentrate: string;
  /** 0 = citrus grower, 1 = other fruit and flavours. */
  readonly concentrateSupplier: number;
  readonly eurPerLitre: number;
  /** Litres of concentrate per litre of drink. */
  readonly concentratePerLitre: number;
  /** Calendar month (1–12) of the seasonal peak and the peak's height over the year's average. */
  readonly peakMonth: number;
  readonly amplitude: number;
  /** Extra December demand (Christmas); half of it in November and January. */
  readonly christmas: number;
  readonly variants: readonly string[];
  /** Relative share of the range. */
  readonly weight: number;
}

export const BRAND_NAMES = ["Sunny Valley", "Nordic Spring", "Vita Burst"] as const;

export const QUALIFIERS = [
  "",
  "Organic",
  "Premium",
  "Kids",
  "Zero",
  "Classic",
  "Gold",
  "Family",
  "Bio",
  "Light",
];

export const FAMILY_TEMPLATES: readonly FamilyTemplate[] = [
  {
    key: "ORANGE",
    name: "Orange juice",
    brand: 0,
    plant: 0,
    concentrate: "Orange juice concentrate",
    concentrateSupplier: 0,
    eurPerLitre: 1.9,
    concentratePerLitre: 0.2,
    peakMonth: 7,
    amplitude: 0.25,
    christmas: 0.1,
    variants: ["Classic", "No pulp", "With pulp", "Blood orange", "Orange–mango"],
    weight: 1.4,
  },
  {
    key: "APPLE",
    name: "Apple juice",
    brand: 0,
    plant: 0,
    concentrate: "Apple juice concentrate",
    concentrateSupplier: 1,
    eurPerLitre: 1.6,
    concentratePerLitre: 0.18,
    peakMonth: 8,
    amplitude: 0.2,
    christmas: 0.12,
    variants: ["Clear", "Cloudy", "Apple–cherry", "Apple–ginger"],
    weight: 1.2,
  },
  {
    key: "MULTI",
    name: "Multivitamin nectar",
    brand: 0,
    plant: 1,
    concentrate: "Multifruit purée",
    concentrateSupplier: 0,
    eurPerLitre: 1.8,
    concentratePerLitre: 0.25,
    peakMonth: 1,
    amplitude: 0.2,
    christmas: 0.05,
    variants: ["Original", "Red fruits", "Tropical", "ACE"],
    weight: 0.9,
  },
  {
    key: "SPARKLING",
    name: "Sparkling water",
    brand: 1,
    plant: 1,
    concentrate: "Natural flavour base",
    concentrateSupplier: 1,
    eurPerLitre: 0.9,
    concentratePerLitre: 0.02,
    peakMonth: 7,
    amplitude: 0.45,
    christmas: 0.12,
    variants: ["Natural", "Lemon", "Lime", "Cucumber", "Grapefruit"],
    weight: 1.3,
  },
  {
    key: "LEMONADE",
    name: "Lemonade",
    brand: 1,
    plant: 0,
    concentrate: "Lemon juice concentrate",
    concentrateSupplier: 0,
    eurPerLitre: 1.5,
    concentratePerLitre: 0.12,
    peakMonth: 7,
    amplitude: 0.55,
    christmas: 0,
    variants: ["Cloudy lemon", "Pink", "Elderflower", "Ginger"],
    weight: 1,
  },
  {
    key: "ICETEA",
    name: "Iced tea",
    brand: 1,
    plant: 0,
    concentrate: "Black tea extract",
    concentrateSupplier: 1,
    eurPerLitre: 1.4,
    concentratePerLitre: 0.05,
    peakMonth: 7,
    amplitude: 0.6,
    christmas: 0,
    variants: ["Peach", "Lemon", "Green tea", "Mango"],
    weight: 1,
  },
  {
    key: "SMOOTHIE",
    name: "Smoothies",
    brand: 2,
    plant: 1,
    concentrate: "Fruit purée blend",
    concentrateSupplier: 1,
    eurPerLitre: 4.2,
    concentratePerLitre: 0.6,
    peakMonth: 6,
    amplitude: 0.35,
    christmas: 0,
    variants: ["Strawberry–banana", "Mango–passion", "Green", "Berry"],
    weight: 0.8,
  },
  {
    key: "ENERGY",
    name: "Energy drinks",
    brand: 2,
    plant: 0,
    concentrate: "Energy drink base",
    concentrateSupplier: 1,
    eurPerLitre: 3.1,
    concentratePerLitre: 0.08,
    peakMonth: 8,
    amplitude: 0.1,
    christmas: 0,
    variants: ["Original", "Sugar free", "Tropical", "Berry"],
    weight: 0.8,
  },
];

/** The template's demand index per calendar month, January first, scaled to average 1. */
export function seasonProfile(t: FamilyTemplate): number[] {
  const raw = Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const christmas = month === 12 ? t.christmas : month === 11 || month === 1 ? t.christmas / 2 : 0;
    return 1 + t.amplitude * Math.cos((2 * Math.PI * (month - t.peakMonth)) / 12) + christmas;
  });
  const mean = raw.reduce((a, b) => a + b, 0) / 12;
  return raw.map((v) => v / mean);
}
