// A solver-neutral linear (or mixed-integer) model: named columns with bounds, cost and
// integrality, and sparse rows with bounds. The supply-plan builder writes into it with domain
// names; the solver adapter only ever sees the compressed arrays it produces.

/** A decision variable. Bounds may be ±Infinity; `cost` is per unit of the variable. */
export interface LpVariable {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  readonly cost: number;
  readonly integer: boolean;
}

/** A constraint lower ≤ Σ coefficient·variable ≤ upper; equal bounds make an equality. */
export interface LpConstraint {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
}

/**
 * The model in compressed sparse row form, ready for a solver: row i's coefficients are
 * `values[starts[i]..starts[i+1])` on columns `indices[…]`. Minimisation; the objective is
 * `offset + Σ colCost[j]·x[j]`.
 */
export interface LpArrays {
  readonly numCols: number;
  readonly numRows: number;
  readonly offset: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly integrality: Int32Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** A model under construction; columns and rows are referred to by their index. */
export class LpModel {
  readonly variables: LpVariable[] = [];
  readonly constraints: LpConstraint[] = [];
  /** Constant term of the objective (costs that no decision can change). */
  offset = 0;
  private readonly rowColumns: number[][] = [];
  private readonly rowValues: number[][] = [];

  addVariable(name: string, options: Partial<Omit<LpVariable, "name">> = {}): number {
    this.variables.push({
      name,
      lower: options.lower ?? 0,
      upper: options.upper ?? Number.POSITIVE_INFINITY,
      cost: options.cost ?? 0,
      integer: options.integer ?? false,
    });
    return this.variables.length - 1;
  }

  /** Adds a row; terms on the same column are summed, zero coefficients dropped. */
  addConstraint(name: string, terms: ReadonlyArray<readonly [number, number]>, lower: number, upper: number) {
    const merged = new Map<number, number>();
    for (const [column, coefficient] of terms) merged.set(column, (merged.get(column) ?? 0) + coefficient);
    const columns: number[] = [];
    const values: number[] = [];
    for (const [column, coefficient] of [...merged].sort((a, b) => a[0] - b[0])) {
      if (coefficient === 0) continue;
      columns.push(column);
      values.push(coefficient);
    }
    this.constraints.push({ name, lower, upper });
    this.rowColumns.push(columns);
    this.rowValues.push(values);
    return this.constraints.length - 1;
  }

  get isMip(): boolean {
    return this.variables.some((v) => v.integer);
  }

  toArrays(): LpArrays {
    const numCols = this.variables.length;
    const numRows = this.constraints.length;
    const nonzeros = this.rowColumns.reduce((sum, row) => sum + row.length, 0);
    const starts = new Int32Array(numRows + 1);
    const indices = new Int32Array(nonzeros);
    const values = new Float64Array(nonzeros);
    let at = 0;
    for (let i = 0; i < numRows; i++) {
      starts[i] = at;
      indices.set(this.rowColumns[i]!, at);
      values.set(this.rowValues[i]!, at);
      at += this.rowColumns[i]!.length;
    }
    starts[numRows] = at;
    return {
      numCols,
      numRows,
      offset: this.offset,
      colCost: Float64Array.from(this.variables, (v) => v.cost),
      colLower: Float64Array.from(this.variables, (v) => v.lower),
      colUpper: Float64Array.from(this.variables, (v) => v.upper),
      integrality: Int32Array.from(this.variables, (v) => (v.integer ? 1 : 0)),
      rowLower: Float64Array.from(this.constraints, (c) => c.lower),
      rowUpper: Float64Array.from(this.constraints, (c) => c.upper),
      starts,
      indices,
      values,
    };
  }
}

/** Objective value of a point: offset + Σ cost·x. */
export function objectiveAt(model: LpModel, x: ArrayLike<number>): number {
  return model.variables.reduce((sum, v, j) => sum + v.cost * x[j]!, model.offset);
}
