// A React wrapper around one ECharts instance: created on mount, updated when the option changes,
// resized with its container, disposed on unmount.

import { useEffect, useRef } from "react";
import { type ChartOption, init } from "./echarts-setup";

export interface ChartProps {
  readonly option: ChartOption;
  readonly height?: number;
  readonly label: string;
  readonly testId?: string;
}

export function Chart({ option, height = 320, label, testId }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "svg" });
    chart.current = instance;
    const observer =
      typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a new selection must not keep series or axes from the previous one.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={container}
      className="chart"
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
