// Grouping records by a composite key, shared by family aggregation and disaggregation.

export function key(...parts: string[]): string {
  return parts.join("\u0000");
}

/** Groups in order of first appearance. */
export function groupBy<X>(items: readonly X[], parts: (x: X) => string[]): Map<string, X[]> {
  const groups = new Map<string, X[]>();
  for (const x of items) {
    const k = key(...parts(x));
    const group = groups.get(k);
    if (group) group.push(x);
    else groups.set(k, [x]);
  }
  return groups;
}
