// Every input an S&OP cycle needs, described once. The order of ENTITIES is a valid import order:
// an entity only references entities listed before it (or itself).

import { column as c, type EntityDef } from "./column";

const code = { kind: "code" } as const;
const date = { kind: "date" } as const;
const period = { kind: "period" } as const;
const qty = { kind: "quantity" } as const;
const money = { kind: "money" } as const;

const sku = (name = "sku", label = "SKU", required = true) =>
  c(name, label, code, {
    required,
    references: { entity: "items" },
    description: "Item code.",
    example: "SKU-0001",
  });
const location = (required = true) =>
  c("location", "Location", code, {
    required,
    references: { entity: "locations" },
    description: "Plant or distribution centre code.",
    example: "DC-NORTH",
  });
const segment = (required = true) =>
  c("segment", "Segment", code, {
    required,
    references: { entity: "segments" },
    description: required ? "Customer segment code." : "Customer segment code; empty means every segment.",
    example: "RETAIL",
  });

export const ENTITIES: readonly EntityDef[] = [
  {
    name: "units_of_measure",
    label: "Units of measure",
    area: "master",
    description: "The units items are counted in.",
    key: ["code"],
    columns: [
      c("code", "Code", code, { description: "Unit code.", example: "EA" }),
      c("name", "Name", { kind: "text" }, { description: "Unit name.", example: "Each" }),
    ],
  },
  {
    name: "product_groups",
    label: "Product hierarchy",
    area: "master",
    description:
      "Nodes of the product hierarchy (brand, family, …) of any depth; SKUs hang below the leaves.",
    key: ["code"],
    rules: [{ kind: "acyclic", from: "code", to: "parent_code" }],
    columns: [
      c("code", "Code", code, { description: "Hierarchy node code.", example: "FAM-JUICE" }),
      c("name", "Name", { kind: "text" }, { description: "Node name.", example: "Juices" }),
      c(
        "level",
        "Level",
        { kind: "text", maxLength: 32 },
        { description: "Level name, e.g. brand or family.", example: "family" },
      ),
      c("parent_code", "Parent", code, {
        required: false,
        references: { entity: "product_groups" },
        description: "Parent node; empty for a top-level node.",
        example: "BRAND-SUNNY",
      }),
    ],
  },
  {
    name: "items",
    label: "Items",
    area: "master",
    description:
      "Finished goods (SKUs) in the product hierarchy, and the components and raw materials in their BOMs.",
    key: ["sku"],
    rules: [{ kind: "requiredWhen", when: "item_type", values: ["finished"], columns: ["group_code"] }],
    columns: [
      c("sku", "SKU", code, { description: "Item code.", example: "SKU-0001" }),
      c("name", "Name", { kind: "text" }, { description: "Item description.", example: "Orange juice 1 l" }),
      c(
        "item_type",
        "Type",
        { kind: "enum", values: ["finished", "component", "raw"] },
        {
          description: "finished (sold), component (made) or raw (bought).",
          example: "finished",
        },
      ),
      c("group_code", "Product group", code, {
        required: false,
        references: { entity: "product_groups" },
        description: "Lowest hierarchy node the item belongs to; required for finished goods.",
        example: "FAM-JUICE",
      }),
      c("uom", "Unit", code, {
        references: { entity: "units_of_measure" },
        description: "Unit of measure.",
        example: "EA",
      }),
      c(
        "status",
        "Status",
        { kind: "enum", values: ["active", "new", "phase_out", "inactive"] },
        {
          description: "Lifecycle status.",
          example: "active",
        },
      ),
      c(
        "unit_volume",
        "Volume per unit",
        { kind: "quantity" },
        {
          required: false,
          description: "Optional volume or weight per unit, for capacity in volume.",
          example: "1.05",
        },
      ),
    ],
  },
  {
    name: "locations",
    label: "Locations",
    area: "master",
    description: "Plants that make and distribution centres that ship.",
    key: ["code"],
    columns: [
      c("code", "Code", code, { description: "Location code.", example: "DC-NORTH" }),
      c(
        "name",
        "Name",
        { kind: "text" },
        { description: "Location name.", example: "North distribution centre" },
      ),
      c(
        "location_type",
        "Type",
        { kind: "enum", values: ["plant", "dc"] },
        { description: "plant or dc.", example: "dc" },
      ),
      c(
        "region",
        "Region",
        { kind: "text", maxLength: 64 },
        { description: "Region served.", example: "North" },
      ),
    ],
  },
  {
    name: "segments",
    label: "Customer segments",
    area: "master",
    description: "Customer segments; priority ranks them when supply is short (1 = served first).",
    key: ["code"],
    columns: [
      c("code", "Code", code, { description: "Segment code.", example: "RETAIL" }),
      c("name", "Name", { kind: "text" }, { description: "Segment name.", example: "Retail chains" }),
      c(
        "priority",
        "Priority",
        { kind: "integer", min: 1, max: 99 },
        { description: "1 is served first.", example: "1" },
      ),
    ],
  },
  {
    name: "customers",
    label: "Customers",
    area: "master",
    description: "Customers with their segment, channel and region.",
    key: ["code"],
    columns: [
      c("code", "Code", code, { description: "Customer code.", example: "CUST-0001" }),
      c("name", "Name", { kind: "text" }, { description: "Customer name.", example: "FreshMart" }),
      segment(),
      c(
        "channel",
        "Channel",
        { kind: "text", maxLength: 64 },
        { description: "Sales channel.", example: "Grocery" },
      ),
      c("region", "Region", { kind: "text", maxLength: 64 }, { description: "Region.", example: "North" }),
      c("account_manager", "Account manager", code, {
        required: false,
        description:
          "User name of the sales user who owns the account; told first when a promise is at risk.",
        example: "sam",
      }),
    ],
  },
  {
    name: "sales_history",
    label: "Sales history",
    area: "demand",
    description: "Order lines with what was requested, delivered and cancelled, and when.",
    key: ["order_id", "line"],
    large: true,
    rules: [
      { kind: "ordered", before: "order_date", after: "requested_date" },
      { kind: "ordered", before: "order_date", after: "delivered_date" },
      { kind: "ordered", before: "order_date", after: "promised_date" },
    ],
    columns: [
      c("order_id", "Order", code, { description: "Order number.", example: "SO-100045" }),
      c(
        "line",
        "Line",
        { kind: "integer", min: 1 },
        { description: "Line number within the order.", example: "1" },
      ),
      sku(),
      c("customer", "Customer", code, {
        references: { entity: "customers" },
        description: "Customer code.",
        example: "CUST-0001",
      }),
      location(),
      c("order_date", "Order date", date, {
        description: "Date the order was received.",
        example: "2026-01-05",
      }),
      c("requested_date", "Requested date", date, {
        description: "Delivery date the customer asked for.",
        example: "2026-01-12",
      }),
      c("requested_qty", "Requested qty", qty, { description: "Quantity ordered.", example: "120" }),
      c("promised_date", "Promised date", date, {
        required: false,
        description: "Delivery date promised to the customer; empty when none was given.",
        example: "2026-01-12",
      }),
      c("delivered_date", "Delivered date", date, {
        required: false,
        description: "Date delivered; empty when nothing was delivered.",
        example: "2026-01-11",
      }),
      c("delivered_qty", "Delivered qty", qty, { description: "Quantity delivered.", example: "120" }),
      c("cancelled_qty", "Cancelled qty", qty, { description: "Quantity cancelled.", example: "0" }),
      c("unit_price", "Unit price", money, {
        required: false,
        description: "Realised net price per unit.",
        example: "1.85",
      }),
    ],
  },
  {
    name: "open_orders",
    label: "Open orders",
    area: "demand",
    description: "Order lines not yet delivered.",
    key: ["order_id", "line"],
    columns: [
      c("order_id", "Order", code, { description: "Order number.", example: "SO-200001" }),
      c("line", "Line", { kind: "integer", min: 1 }, { description: "Line number.", example: "1" }),
      sku(),
      c("customer", "Customer", code, {
        references: { entity: "customers" },
        description: "Customer code.",
        example: "CUST-0001",
      }),
      location(),
      c("order_date", "Order date", date, { description: "Date received.", example: "2026-11-10" }),
      c("requested_date", "Requested date", date, {
        description: "Requested delivery date.",
        example: "2026-12-01",
      }),
      c("quantity", "Quantity", qty, { description: "Open quantity.", example: "80" }),
      c("promised_date", "Promised date", date, {
        required: false,
        description: "Date promised to the customer.",
        example: "2026-12-01",
      }),
    ],
  },
  {
    name: "inventory",
    label: "Inventory on hand",
    area: "supply",
    description: "On-hand stock per item and location at a snapshot date.",
    key: ["sku", "location", "snapshot_date"],
    columns: [
      sku(),
      location(),
      c("snapshot_date", "Snapshot date", date, { description: "Date of the count.", example: "2026-10-31" }),
      c("on_hand", "On hand", qty, { description: "Units on hand.", example: "1500" }),
    ],
  },
  {
    name: "production_actuals",
    label: "Production actuals",
    area: "supply",
    description: "Units each plant completed per item and period: what plan attainment is measured on.",
    key: ["sku", "location", "period"],
    columns: [
      sku(),
      location(),
      c("period", "Period", period, { description: "Planning period (YYYY-MM).", example: "2026-11" }),
      c("quantity", "Quantity", qty, { description: "Units completed in the period.", example: "12000" }),
    ],
  },
  {
    name: "prices",
    label: "Prices",
    area: "finance",
    description: "List prices per item, optionally per segment, with validity dates.",
    key: ["sku", "segment", "valid_from"],
    rules: [{ kind: "ordered", before: "valid_from", after: "valid_to" }],
    columns: [
      sku(),
      segment(false),
      c("valid_from", "Valid from", date, {
        description: "First day the price applies.",
        example: "2026-01-01",
      }),
      c("valid_to", "Valid to", date, {
        required: false,
        description: "Last day; empty means open-ended.",
        example: "",
      }),
      c("unit_price", "Unit price", money, { description: "Net price per unit.", example: "1.95" }),
    ],
  },
  {
    name: "standard_costs",
    label: "Standard costs",
    area: "finance",
    description: "Standard cost per unit by item and location, split into material, labour and overhead.",
    key: ["sku", "location", "valid_from"],
    rules: [{ kind: "ordered", before: "valid_from", after: "valid_to" }],
    columns: [
      sku(),
      location(),
      c("valid_from", "Valid from", date, {
        description: "First day the cost applies.",
        example: "2026-01-01",
      }),
      c("valid_to", "Valid to", date, {
        required: false,
        description: "Last day; empty means open-ended.",
        example: "",
      }),
      c("material_cost", "Material", money, { description: "Material cost per unit.", example: "0.62" }),
      c("labour_cost", "Labour", money, { description: "Labour cost per unit.", example: "0.21" }),
      c("overhead_cost", "Overhead", money, { description: "Overhead per unit.", example: "0.14" }),
    ],
  },
  {
    name: "cost_actuals",
    label: "Cost actuals",
    area: "finance",
    description:
      "What a period really cost: realised unit costs per item and location, and the period's expedite, overtime and subcontract spend per location.",
    key: ["period", "location", "kind", "sku"],
    rules: [{ kind: "requiredWhen", when: "kind", values: ["unit_cost"], columns: ["sku"] }],
    columns: [
      c("period", "Period", period, { description: "Planning period (YYYY-MM).", example: "2026-11" }),
      location(),
      c(
        "kind",
        "Kind",
        { kind: "enum", values: ["unit_cost", "expedite", "overtime", "subcontract"] },
        {
          description:
            "unit_cost (realised cost of one unit of the SKU), or the period's expedite, overtime or subcontract spend at the location.",
          example: "expedite",
        },
      ),
      sku("sku", "SKU", false),
      c("amount", "Amount", money, {
        description: "The unit cost, or the period's spend.",
        example: "1250.00",
      }),
    ],
  },
  {
    name: "promotions",
    label: "Promotions",
    area: "demand",
    description: "Planned and past promotions on an item or a product group, for one segment or all.",
    key: ["code"],
    rules: [
      { kind: "oneOf", columns: ["sku", "group_code"], required: true },
      { kind: "ordered", before: "start_date", after: "end_date" },
    ],
    columns: [
      c("code", "Code", code, { description: "Promotion code.", example: "PROMO-2026-07" }),
      c("name", "Name", { kind: "text" }, { description: "Promotion name.", example: "Summer juice week" }),
      sku("sku", "SKU", false),
      c("group_code", "Product group", code, {
        required: false,
        references: { entity: "product_groups" },
        description: "Product group; fill either SKU or product group.",
        example: "",
      }),
      segment(false),
      c("start_date", "Start", date, { description: "First day.", example: "2026-07-01" }),
      c("end_date", "End", date, { description: "Last day.", example: "2026-07-14" }),
      c(
        "uplift_pct",
        "Uplift %",
        { kind: "percent", min: -100, max: 1000 },
        { description: "Expected demand uplift in percent.", example: "35" },
      ),
      c(
        "discount_pct",
        "Discount %",
        { kind: "percent", min: 0, max: 100 },
        { description: "Price discount in percent.", example: "15" },
      ),
      c(
        "uplift_units",
        "Uplift units",
        { kind: "quantity", min: 0 },
        {
          required: false,
          description: "Extra units over the whole promotion, on top of the uplift percentage.",
          example: "",
        },
      ),
      c(
        "cannibalisation_pct",
        "Cannibalisation %",
        { kind: "percent", min: 0, max: 100 },
        {
          required: false,
          description: "Share of the uplift taken from sister SKUs of the same product group.",
          example: "30",
        },
      ),
      c(
        "post_dip_pct",
        "Post-promotion dip %",
        { kind: "percent", min: 0, max: 100 },
        {
          required: false,
          description: "Demand lost in the month after the promotion, in percent of that month's baseline.",
          example: "10",
        },
      ),
    ],
  },
  {
    name: "budgets",
    label: "Budget",
    area: "finance",
    description: "The annual operating plan per product group and month: units and revenue.",
    key: ["group_code", "period"],
    columns: [
      c("group_code", "Product group", code, {
        references: { entity: "product_groups" },
        description: "Product group the budget is set for (any level).",
        example: "FAM-JUICE",
      }),
      c("period", "Period", period, { description: "Month (YYYY-MM).", example: "2027-01" }),
      c("quantity", "Units", qty, { description: "Budgeted units.", example: "250000" }),
      c("revenue", "Revenue", money, { description: "Budgeted revenue.", example: "310000.00" }),
    ],
  },
  {
    name: "market_sizes",
    label: "Market size",
    area: "demand",
    description: "Units the whole market buys per product group and month, for market share.",
    key: ["group_code", "period"],
    columns: [
      c("group_code", "Product group", code, {
        references: { entity: "product_groups" },
        description: "Product group the market figure covers.",
        example: "FAM-JUICE",
      }),
      c("period", "Period", period, { description: "Month (YYYY-MM).", example: "2027-01" }),
      c("quantity", "Market units", qty, {
        description: "Units sold by the whole market.",
        example: "1200000",
      }),
    ],
  },
  {
    name: "product_transitions",
    label: "Product transitions",
    area: "demand",
    description: "Launches (with a like-for-like item), phase-outs and supersessions with a ramp.",
    key: ["kind", "sku"],
    rules: [
      {
        kind: "requiredWhen",
        when: "kind",
        values: ["supersession", "launch"],
        columns: ["predecessor_sku"],
      },
      { kind: "ordered", before: "start_date", after: "end_date" },
    ],
    columns: [
      c(
        "kind",
        "Kind",
        { kind: "enum", values: ["launch", "phase_out", "supersession"] },
        {
          description: "launch, phase_out or supersession.",
          example: "supersession",
        },
      ),
      sku("sku", "SKU"),
      sku("predecessor_sku", "Predecessor / like SKU", false),
      c("start_date", "Start", date, {
        description: "Launch date, or start of the ramp.",
        example: "2026-09-01",
      }),
      c("end_date", "End", date, { description: "End of the ramp (phase-out date).", example: "2026-11-30" }),
      c(
        "scale_pct",
        "Scale %",
        { kind: "percent", min: 0, max: 1000 },
        {
          required: false,
          description: "For a launch: the like-for-like history scaled by this percentage.",
          example: "100",
        },
      ),
    ],
  },
  {
    name: "resources",
    label: "Resources",
    area: "supply",
    description: "Lines, machines and crews whose hours limit production.",
    key: ["code"],
    columns: [
      c("code", "Code", code, { description: "Resource code.", example: "P1-LINE-1" }),
      c("name", "Name", { kind: "text" }, { description: "Resource name.", example: "Filling line 1" }),
      location(),
      c("regular_cost_per_hour", "Regular cost / h", money, {
        description: "Cost of a regular hour.",
        example: "85",
      }),
      c("overtime_cost_per_hour", "Overtime cost / h", money, {
        description: "Cost of an overtime hour.",
        example: "130",
      }),
    ],
  },
  {
    name: "resource_capacity",
    label: "Resource capacity",
    area: "supply",
    description: "Available hours per resource and period: the resource's calendar.",
    key: ["resource", "period"],
    columns: [
      c("resource", "Resource", code, {
        references: { entity: "resources" },
        description: "Resource code.",
        example: "P1-LINE-1",
      }),
      c("period", "Period", period, {
        description: "Planning period (YYYY-MM or YYYY-Www).",
        example: "2026-12",
      }),
      c(
        "working_days",
        "Working days",
        { kind: "integer", min: 0, max: 31 },
        { description: "Working days in the period.", example: "21" },
      ),
      c("regular_hours", "Regular hours", qty, { description: "Regular hours available.", example: "336" }),
      c("overtime_hours", "Overtime hours", qty, {
        description: "Extra hours available at overtime cost.",
        example: "48",
      }),
    ],
  },
  {
    name: "routings",
    label: "Routings",
    area: "supply",
    description: "Hours per unit each item takes on each resource.",
    key: ["sku", "location", "resource"],
    columns: [
      sku(),
      location(),
      c("resource", "Resource", code, {
        references: { entity: "resources" },
        description: "Resource code.",
        example: "P1-LINE-1",
      }),
      c("step", "Step", { kind: "integer", min: 1 }, { description: "Operation sequence.", example: "10" }),
      c("hours_per_unit", "Hours per unit", qty, {
        description: "Resource hours per unit made.",
        example: "0.002",
      }),
    ],
  },
  {
    name: "bom",
    label: "Bills of material",
    area: "supply",
    description: "Components per unit of a parent item.",
    key: ["parent_sku", "component_sku"],
    rules: [{ kind: "acyclic", from: "parent_sku", to: "component_sku" }],
    columns: [
      sku("parent_sku", "Parent SKU"),
      sku("component_sku", "Component SKU"),
      c(
        "qty_per",
        "Qty per",
        { kind: "quantity", min: 0.000001 },
        { description: "Component units per parent unit.", example: "1" },
      ),
      c(
        "scrap_pct",
        "Scrap %",
        { kind: "percent", min: 0, max: 99 },
        { required: false, description: "Expected scrap.", example: "1" },
      ),
    ],
  },
  {
    name: "suppliers",
    label: "Suppliers",
    area: "supply",
    description: "Suppliers with their payment terms.",
    key: ["code"],
    columns: [
      c("code", "Code", code, { description: "Supplier code.", example: "SUP-01" }),
      c("name", "Name", { kind: "text" }, { description: "Supplier name.", example: "Citrus Growers Co-op" }),
      c(
        "payment_terms_days",
        "Payment terms (days)",
        { kind: "integer", min: 0, max: 365 },
        { description: "Days to pay.", example: "60" },
      ),
      c(
        "country",
        "Country",
        { kind: "text", maxLength: 64 },
        { required: false, description: "Country.", example: "ES" },
      ),
    ],
  },
  {
    name: "supplier_items",
    label: "Supplier items",
    area: "supply",
    description: "What each supplier delivers: lead time, minimum order, capacity per period and price.",
    key: ["supplier", "sku"],
    columns: [
      c("supplier", "Supplier", code, {
        references: { entity: "suppliers" },
        description: "Supplier code.",
        example: "SUP-01",
      }),
      sku(),
      c(
        "lead_time_days",
        "Lead time (days)",
        { kind: "integer", min: 0, max: 730 },
        { description: "Order-to-receipt days.", example: "21" },
      ),
      c("lead_time_sd_days", "Lead time σ (days)", qty, {
        required: false,
        description: "Standard deviation of the lead time.",
        example: "3",
      }),
      c("min_order_qty", "Minimum order", qty, { description: "Minimum order quantity.", example: "1000" }),
      c("capacity_per_period", "Capacity / period", qty, {
        required: false,
        description: "Most the supplier can deliver per period; empty means unlimited.",
        example: "50000",
      }),
      c("unit_cost", "Unit cost", money, { description: "Purchase price per unit.", example: "0.31" }),
    ],
  },
  {
    name: "supplier_receipts",
    label: "Supplier receipts",
    area: "supply",
    description:
      "Purchase order lines with what the supplier promised and what arrived, and when: supplier delivery performance is measured on them.",
    key: ["po_id", "line"],
    large: true,
    rules: [{ kind: "ordered", before: "order_date", after: "promised_date" }],
    columns: [
      c("po_id", "Purchase order", code, { description: "Purchase order number.", example: "PO-20045" }),
      c(
        "line",
        "Line",
        { kind: "integer", min: 1 },
        { description: "Line number within the purchase order.", example: "1" },
      ),
      c("supplier", "Supplier", code, {
        references: { entity: "suppliers" },
        description: "Supplier code.",
        example: "SUP-01",
      }),
      sku(),
      location(),
      c("order_date", "Order date", date, {
        description: "Date the order was placed.",
        example: "2026-01-05",
      }),
      c("promised_date", "Promised date", date, {
        description: "Delivery date the supplier confirmed.",
        example: "2026-01-26",
      }),
      c("promised_qty", "Promised qty", qty, {
        description: "Quantity ordered and confirmed.",
        example: "5000",
      }),
      c("received_date", "Received date", date, {
        required: false,
        description: "Date the goods arrived; empty while nothing has arrived.",
        example: "2026-01-27",
      }),
      c("received_qty", "Received qty", qty, { description: "Quantity received.", example: "5000" }),
    ],
  },
  {
    name: "service_level_targets",
    label: "Service-level targets",
    area: "supply",
    description:
      "Target service level per segment, per item, or per item within a segment; both empty sets the company default.",
    key: ["segment", "sku"],
    columns: [
      segment(false),
      sku("sku", "SKU", false),
      c(
        "target_pct",
        "Target %",
        { kind: "percent", min: 50, max: 99.99 },
        { description: "Target service level in percent.", example: "98" },
      ),
      c(
        "measure",
        "Measure",
        { kind: "enum", values: ["cycle", "fill_rate"] },
        {
          description: "cycle (probability of no stock-out) or fill_rate (share of demand met from stock).",
          example: "fill_rate",
        },
      ),
    ],
  },
];

const BY_NAME = new Map(ENTITIES.map((e) => [e.name, e]));

export function findEntity(name: string): EntityDef | undefined {
  return BY_NAME.get(name);
}

export function entity(name: string): EntityDef {
  const found = BY_NAME.get(name);
  if (!found) throw new Error(`unknown entity ${name}`);
  return found;
}
