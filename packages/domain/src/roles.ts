// The roles match the S&OP meetings: each meeting's owner approves its stage.

export const ROLES = [
  "demand_planner",
  "sales",
  "marketing",
  "supply_planner",
  "finance",
  "executive",
  "admin",
  "supplier",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  demand_planner: "Demand planner",
  sales: "Sales",
  marketing: "Marketing",
  supply_planner: "Supply planner",
  finance: "Finance",
  executive: "Executive",
  admin: "Administrator",
  supplier: "Supplier",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who may change master and transactional data through imports. */
export function canImport(role: Role): boolean {
  return role !== "executive" && role !== "supplier";
}

/**
 * Whether a role works inside the company. A supplier user is outside it: it may use only the
 * supplier portal, which shows its own parts, and every other route refuses it.
 */
export function isInternalRole(role: Role): boolean {
  return role !== "supplier";
}

/** Who may run the statistical forecast: the demand review's owner, and administrators. */
export function canRunForecast(role: Role): boolean {
  return role === "demand_planner" || role === "admin";
}

/** Who may run supply plans: the supply review's owner, and administrators. */
export function canPlanSupply(role: Role): boolean {
  return role === "supply_planner" || role === "admin";
}

/**
 * Who may edit a demand layer: sales its own layer, marketing its own, the demand planner (and an
 * administrator) every input layer and the consensus. The statistical layer is no one's: it stays
 * as the forecast run wrote it, so forecast value added can be measured against it.
 */
export function canEditDemandLayer(role: Role, measure: string): boolean {
  if (role === "demand_planner" || role === "admin")
    return ["demand.sales", "demand.marketing", "demand.product", "demand.consensus"].includes(measure);
  if (role === "sales") return measure === "demand.sales";
  if (role === "marketing") return measure === "demand.marketing";
  return false;
}

/** Who approves the consensus demand plan: the demand review's owner, and administrators. */
export function canApproveConsensus(role: Role): boolean {
  return role === "demand_planner" || role === "admin";
}

/**
 * Who sets service-level targets per ABC–XYZ class: the demand planner who classifies demand, the
 * supply planner whose safety stock they drive, and administrators.
 */
export function canSetServiceTargets(role: Role): boolean {
  return role === "demand_planner" || role === "supply_planner" || role === "admin";
}

/**
 * Who shapes what-if scenarios (branches them, changes them, re-plans them): the planners, finance
 * and the executive who weighs them; administrators.
 */
export function canShapeScenarios(role: Role): boolean {
  return ["demand_planner", "supply_planner", "finance", "executive", "admin"].includes(role);
}

/** Who promises customer orders against the committed plan: sales, the planners, administrators. */
export function canPromiseOrders(role: Role): boolean {
  return ["sales", "demand_planner", "supply_planner", "admin"].includes(role);
}

/**
 * Who acknowledges a monitoring exception and records what was done: the planners, finance, the
 * executive and administrators — the people who own the next cycle's reviews.
 */
export function canAcknowledgeExceptions(role: Role): boolean {
  return ["demand_planner", "supply_planner", "finance", "executive", "admin"].includes(role);
}

/** Who sets the scorecard's KPI targets: the planners, finance, the executive team, administrators. */
export function canSetKpiTargets(role: Role): boolean {
  return ["demand_planner", "supply_planner", "finance", "executive", "admin"].includes(role);
}
