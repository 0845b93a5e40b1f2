// A word-sized chart of a few values around zero, for a table cell: the shape of a person's value
// added over the cycles, green above the line and red below. Gaps (null) break the line.

export function Sparkline({
  values,
  label,
  width = 96,
  height = 24,
}: {
  values: readonly (number | null)[];
  /** What the line shows, for screen readers. */
  label: string;
  width?: number;
  height?: number;
}) {
  const known = values.filter((v): v is number => v !== null);
  const top = Math.max(0, ...known);
  const bottom = Math.min(0, ...known);
  const span = top - bottom || 1;
  const x = (i: number) => (values.length <= 1 ? width / 2 : 2 + (i * (width - 4)) / (values.length - 1));
  const y = (v: number) => 2 + ((top - v) * (height - 4)) / span;
  // One polyline per run of known values.
  const runs: { i: number; v: number }[][] = [];
  values.forEach((v, i) => {
    if (v === null) runs.push([]);
    else {
      if (runs.length === 0) runs.push([]);
      runs.at(-1)!.push({ i, v });
    }
  });
  const points = values.flatMap((v, i) => (v === null ? [] : [{ x: x(i), y: y(v), up: v >= 0 }]));
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label}>
      <line x1={0} x2={width} y1={y(0)} y2={y(0)} className="sparkline-zero" />
      {runs
        .filter((run) => run.length > 1)
        .map((run) => (
          <polyline
            key={run[0]!.i}
            points={run.map((p) => `${x(p.i)},${y(p.v)}`).join(" ")}
            className="sparkline-line"
          />
        ))}
      {points.map((p) => (
        <circle key={p.x} cx={p.x} cy={p.y} r={2} className={p.up ? "sparkline-up" : "sparkline-down"} />
      ))}
    </svg>
  );
}
