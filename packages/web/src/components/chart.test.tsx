import { render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import "../testing/render";
import { Chart } from "./chart";

const instance = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() };
const init = vi.fn((_element: HTMLElement, _theme?: unknown, _options?: unknown) => instance);
vi.mock("./echarts-setup", () => ({ init: (...args: [HTMLElement]) => init(...args) }));

describe("Chart", () => {
  it("creates one instance, replaces its option on change and disposes it on unmount", () => {
    const first = { series: [] };
    const second = { series: [{ type: "bar" as const, data: [1] }] };
    const { rerender, unmount, getByTestId } = render(
      <Chart option={first} label="History" testId="chart" />,
    );
    expect(init).toHaveBeenCalledTimes(1);
    expect(init.mock.calls[0]?.[0]).toBe(getByTestId("chart"));
    expect(instance.setOption).toHaveBeenLastCalledWith(first, { notMerge: true });

    rerender(<Chart option={second} label="History" testId="chart" />);
    expect(init).toHaveBeenCalledTimes(1);
    expect(instance.setOption).toHaveBeenLastCalledWith(second, { notMerge: true });

    unmount();
    expect(instance.dispose).toHaveBeenCalledTimes(1);
  });
});
