// Forecast reconciliation: forecasts made at every level of a hierarchy rarely add up, and a plan
// must. These methods turn base forecasts of every node into coherent ones, where each aggregate
// equals the sum of its children exactly.

import { choleskyFactor, choleskySolve } from "../numeric/cholesky";
import { buildHierarchy, type HierarchyNodeInput, type HierarchyTree, sumUp } from "./hierarchy-tree";
import { multiplyShrunk, type ShrunkCovariance, shrunkCovariance } from "./shrinkage";

export type ReconciliationMethod =
  /** Leaves' forecasts, summed up: ignores every aggregate's own forecast. */
  | "bottom-up"
  /** The root's forecast, split over the leaves by their share of the root's historical average. */
  | "top-down"
  /** Trace minimisation with W = I (ordinary least squares). */
  | "ols"
  /** W = diag(number of leaves under each node): structural scaling, needs no residuals. */
  | "wls-structural"
  /** W = the shrunk covariance of one-step residuals (MinT-shrink): the usual best choice. */
  | "mint-shrink";

export interface ReconcileRequest {
  readonly nodes: readonly HierarchyNodeInput[];
  /** Base forecasts in `nodes` order, all of the same horizon. */
  readonly forecasts: readonly (readonly number[])[];
  readonly method: ReconciliationMethod;
  /** One-step in-sample residuals in `nodes` order, all of the same length (MinT-shrink). */
  readonly residuals?: readonly (readonly number[])[];
  /** History in `nodes` order, all of the same length (top-down proportions). */
  readonly history?: readonly (readonly number[])[];
  /** Set negative leaf forecasts to zero and add up again (demand cannot be negative). */
  readonly nonNegative?: boolean;
}

export interface Reconciliation {
  readonly method: ReconciliationMethod;
  /** Coherent forecasts in `nodes` order. */
  readonly forecasts: number[][];
  /** MinT-shrink's shrinkage intensity towards the diagonal, in [0, 1]. */
  readonly lambda?: number;
  readonly notes: readonly string[];
}

export type ReconcileResult =
  | { readonly ok: true; readonly reconciliation: Reconciliation }
  | { readonly ok: false; readonly issues: readonly string[] };

/**
 * Reconciles base forecasts. The trace-minimisation methods (Wickramasuriya et al. 2019) project
 * ŷ onto the coherent subspace along W: ỹ = ŷ − W·Cᵀ·(C·W·Cᵀ)⁻¹·C·ŷ, where each row of C says
 * "an aggregate minus its children is zero". That equals the textbook S·(SᵀW⁻¹S)⁻¹·SᵀW⁻¹·ŷ but
 * needs only a k × k solve for k aggregates, and W is never formed (see shrinkage.ts).
 */
export function reconcile(request: ReconcileRequest): ReconcileResult {
  const built = buildHierarchy(request.nodes);
  if (!built.ok) return built;
  const { tree } = built;
  const issues = checkShapes(request, tree);
  if (issues.length > 0) return { ok: false, issues };
  const notes: string[] = [];
  const horizon = request.forecasts[0]?.length ?? 0;
  let forecasts: number[][];
  let lambda: number | undefined;

  switch (request.method) {
    case "bottom-up":
      forecasts = sumUp(
        tree,
        request.forecasts.map((f) => [...f]),
      );
      break;
    case "top-down":
      forecasts = topDown(tree, request.forecasts, request.history!, notes);
      break;
    case "ols":
      forecasts = project(tree, request.forecasts, diagonal(new Float64Array(tree.ids.length).fill(1)));
      break;
    case "wls-structural":
      forecasts = project(tree, request.forecasts, diagonal(leafCounts(tree)));
      break;
    case "mint-shrink": {
      const w = shrunkCovariance(request.residuals!);
      lambda = w.lambda;
      const projected = projectOrNull(tree, request.forecasts, shrunk(w));
      if (projected) forecasts = projected;
      else {
        // A singular sample covariance (far fewer periods than nodes, all shrunk away): use its diagonal.
        notes.push("residual covariance is singular: reconciled with its diagonal (WLS by variance)");
        forecasts = project(tree, request.forecasts, diagonal(w.variances));
      }
      break;
    }
  }
  if (request.nonNegative) {
    let clamped = 0;
    for (const leaf of tree.leaves) {
      const row = forecasts[leaf]!;
      for (let j = 0; j < horizon; j++) {
        if (row[j]! < 0) {
          row[j] = 0;
          clamped++;
        }
      }
    }
    if (clamped > 0) {
      sumUp(tree, forecasts);
      notes.push(`${clamped} negative leaf forecasts set to zero and added up again`);
    }
  }
  return { ok: true, reconciliation: { method: request.method, forecasts, lambda, notes } };
}

function checkShapes(request: ReconcileRequest, tree: HierarchyTree): string[] {
  const issues: string[] = [];
  const n = tree.ids.length;
  const sameLength = (name: string, rows: readonly (readonly number[])[] | undefined) => {
    if (!rows) {
      issues.push(`${request.method} needs ${name} for every node`);
      return;
    }
    if (rows.length !== n) issues.push(`${name}: ${rows.length} rows for ${n} nodes`);
    const length = rows[0]?.length ?? 0;
    rows.forEach((row, i) => {
      if (row.length !== length)
        issues.push(`${name} of ${tree.ids[i]}: ${row.length} values, expected ${length}`);
      const bad = row.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) issues.push(`${name} of ${tree.ids[i]}: value ${bad + 1} is ${row[bad]}`);
    });
  };
  sameLength("forecasts", request.forecasts);
  if (request.method === "mint-shrink") sameLength("residuals", request.residuals);
  if (request.method === "top-down") sameLength("history", request.history);
  if (request.method === "mint-shrink" && (request.residuals?.[0]?.length ?? 0) < 2)
    issues.push("mint-shrink needs at least 2 residual periods");
  return issues;
}

/** W as an operator: v ↦ W·v. */
type Covariance = (v: ArrayLike<number>) => Float64Array;

function diagonal(d: Float64Array): Covariance {
  return (v) => Float64Array.from(v, (x, i) => x * d[i]!);
}

function shrunk(w: ShrunkCovariance): Covariance {
  return (v) => multiplyShrunk(w, v);
}

function leafCounts(tree: HierarchyTree): Float64Array {
  const counts = new Float64Array(tree.ids.length);
  for (const i of tree.bottomUpOrder) {
    const kids = tree.children[i]!;
    counts[i] = kids.length === 0 ? 1 : kids.reduce((sum, c) => sum + counts[c]!, 0);
  }
  return counts;
}

function project(tree: HierarchyTree, base: readonly (readonly number[])[], w: Covariance): number[][] {
  const result = projectOrNull(tree, base, w);
  if (!result) throw new Error("reconciliation: C·W·Cᵀ is not positive definite for a diagonal W");
  return result;
}

function projectOrNull(
  tree: HierarchyTree,
  base: readonly (readonly number[])[],
  w: Covariance,
): number[][] | null {
  const n = tree.ids.length;
  const aggregates = tree.aggregates;
  const k = aggregates.length;
  const horizon = base[0]?.length ?? 0;
  const result = base.map((row) => [...row]);
  if (k === 0) return result;

  // Cᵀ·x spreads x over the nodes: +x at the aggregate, −x at each of its children.
  const spread = (x: ArrayLike<number>) => {
    const z = new Float64Array(n);
    aggregates.forEach((a, r) => {
      z[a]! += x[r]!;
      for (const c of tree.children[a]!) z[c]! -= x[r]!;
    });
    return z;
  };
  // C·v: each aggregate minus the sum of its children.
  const gather = (v: ArrayLike<number>) =>
    Float64Array.from(aggregates, (a) => tree.children[a]!.reduce((s, c) => s - v[c]!, v[a]!));

  // C·W·Cᵀ column by column (k solves of W; k is the number of aggregates, small).
  const cwc = new Float64Array(k * k);
  const unit = new Float64Array(k);
  for (let r = 0; r < k; r++) {
    unit.fill(0);
    unit[r] = 1;
    const column = gather(w(spread(unit)));
    for (let s = 0; s < k; s++) cwc[s * k + r] = column[s]!;
  }
  const factor = choleskyFactor(cwc, k);
  if (!factor) return null;
  for (let j = 0; j < horizon; j++) {
    const y = Float64Array.from(base, (row) => row[j]!);
    const correction = w(spread(choleskySolve(factor, gather(y))));
    for (let i = 0; i < n; i++) result[i]![j] = y[i]! - correction[i]!;
  }
  // The projection is exact in theory; summing up once removes the last rounding differences.
  return sumUp(tree, result);
}

function topDown(
  tree: HierarchyTree,
  base: readonly (readonly number[])[],
  history: readonly (readonly number[])[],
  notes: string[],
): number[][] {
  const horizon = base[0]?.length ?? 0;
  const totals = sumUp(
    tree,
    history.map((row) => [...row]),
  ).map((row) => row.reduce((a, b) => a + b, 0));
  const result = base.map(() => new Array<number>(horizon).fill(0));
  // Walk each root's subtree, splitting the root's forecast by historical share.
  const rootOf = new Array<number>(tree.ids.length);
  const stack = [...tree.roots].map((r) => [r, r] as const);
  while (stack.length > 0) {
    const [i, root] = stack.pop()!;
    rootOf[i] = root;
    for (const c of tree.children[i]!) stack.push([c, root]);
  }
  const counts = leafCounts(tree);
  for (const root of tree.roots) {
    // A root without history splits evenly: there is no better evidence.
    if (!(totals[root]! > 0)) notes.push(`${tree.ids[root]} has no history: its forecast is split evenly`);
  }
  for (const leaf of tree.leaves) {
    const root = rootOf[leaf]!;
    const share = totals[root]! > 0 ? totals[leaf]! / totals[root]! : 1 / counts[root]!;
    for (let j = 0; j < horizon; j++) result[leaf]![j] = share * base[root]![j]!;
  }
  return sumUp(tree, result);
}
