// A planning-style grid: measures down the side, periods across, a total column at the right.
// It opens scrolled to the latest periods, which are the ones a planner reads first.

import { useLayoutEffect, useRef } from "react";
import { formatPeriod } from "../format/dates";
import { Num } from "./num";

export interface TimeGridMeasure {
  readonly key: string;
  readonly label: string;
  readonly unit?: string;
  readonly values: readonly number[];
  readonly format: (value: number) => string;
  /** The figure in the total column, already formatted; empty when a total means nothing. */
  readonly total?: string;
  readonly emphasis?: boolean;
}

export interface TimeGridProps {
  readonly periods: readonly string[];
  readonly measures: readonly TimeGridMeasure[];
  readonly label: string;
  readonly testId?: string;
}

export function TimeGrid({ periods, measures, label, testId }: TimeGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const lastPeriod = periods.at(-1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-anchor only when the periods change
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element) element.scrollLeft = element.scrollWidth;
  }, [periods.length, lastPeriod]);

  return (
    <div className="grid-scroll time-grid" ref={scroller} data-testid={testId}>
      <table className="grid" aria-label={label}>
        <thead>
          <tr>
            <th className="time-grid-measure" scope="col">
              Measure
            </th>
            {periods.map((period) => (
              <th key={period} className="align-right" scope="col">
                {formatPeriod(period)}
              </th>
            ))}
            <th className="align-right time-grid-total" scope="col">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {measures.map((measure) => (
            <tr key={measure.key} className={measure.emphasis ? "row-emphasis" : undefined}>
              <th className="time-grid-measure" scope="row">
                {measure.label}
                {measure.unit ? <span className="num-unit">{measure.unit}</span> : null}
              </th>
              {measure.values.map((value, index) => (
                <td key={periods[index] ?? index} className="align-right">
                  <Num negative={value < 0}>{measure.format(value)}</Num>
                </td>
              ))}
              <td className="align-right time-grid-total">
                <Num>{measure.total ?? ""}</Num>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
