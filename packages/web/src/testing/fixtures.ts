// Small literal API answers shared by the page tests.

import type { EntityWithRows, Workspace } from "../api/types";

export const ITEMS: EntityWithRows = {
  name: "prices",
  label: "Prices",
  area: "finance",
  description: "List prices per item.",
  key: ["sku", "valid_from"],
  rows: 2,
  columns: [
    {
      name: "sku",
      label: "SKU",
      type: { kind: "code" },
      required: true,
      references: { entity: "items" },
      description: "Item code.",
      example: "SKU-0001",
    },
    {
      name: "valid_from",
      label: "Valid from",
      type: { kind: "date" },
      required: true,
      description: "From.",
      example: "",
    },
    {
      name: "unit_price",
      label: "Unit price",
      type: { kind: "money" },
      required: true,
      description: "Price.",
      example: "",
    },
    {
      name: "status",
      label: "Status",
      type: { kind: "enum", values: ["active", "phase_out"] },
      required: false,
      description: "Status.",
      example: "",
    },
  ],
};

export const WORKSPACE: Workspace = {
  company: {
    name: "Sunny Valley Beverages",
    currency: { code: "EUR", minorDigits: 2 },
    bucket: "month",
    currentPeriod: "2026-11",
    asOf: "2026-11-22",
    demo: true,
  },
  cycle: {
    period: "2026-11",
    stage: "data_gathering",
    stages: [
      { stage: "data_gathering", label: "Data gathering", owner: "demand_planner", status: "current" },
    ],
  },
  entities: [{ name: "prices", label: "Prices", area: "finance", rows: 2 }],
  history: { firstPeriod: "2023-11", lastPeriod: "2026-10", orderLines: 100, deliveredUnits: 1000 },
  recentImports: [],
};

export const UNAUTHORIZED = {
  status: 401,
  body: { error: { code: "unauthorized", message: "Sign in first" } },
};
export const DANA = { user: { username: "dana", displayName: "Dana Demand", role: "demand_planner" } };
