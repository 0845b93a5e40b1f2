import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import "../testing/render";
import { Tree, type TreeItem } from "./tree";

const brand: TreeItem = { id: "group:BRAND-SUNNY", label: "Sunny", detail: "brand", expandable: true };
const family: TreeItem = { id: "group:FAM-JUICE", label: "Juices", detail: "family", expandable: true };
const sku: TreeItem = {
  id: "item:SKU-0001",
  label: "Orange juice 1 l",
  detail: "SKU-0001",
  expandable: false,
};
const CHILDREN: Record<string, readonly TreeItem[]> = {
  "group:BRAND-SUNNY": [family],
  "group:FAM-JUICE": [sku],
};

function Harness({ onSelect = () => {} }: { onSelect?: (item: TreeItem) => void }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  return (
    <Tree
      label="Products"
      roots={[brand]}
      childrenOf={(id) => CHILDREN[id]}
      expanded={expanded}
      selectedId={null}
      onSelect={onSelect}
      onToggle={(id) =>
        setExpanded((previous) => {
          const next = new Set(previous);
          if (!next.delete(id)) next.add(id);
          return next;
        })
      }
    />
  );
}

describe("Tree", () => {
  it("expands a brand, then a family, to show its SKUs", () => {
    render(<Harness />);
    expect(screen.queryByText("Juices")).toBeNull();
    fireEvent.click(screen.getByTestId("tree-toggle-group:BRAND-SUNNY"));
    expect(screen.getByTestId("tree-node-group:BRAND-SUNNY").getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(screen.getByTestId("tree-toggle-group:FAM-JUICE"));
    expect(screen.getByText("Orange juice 1 l")).toBeTruthy();
    expect(screen.getByTestId("tree-node-item:SKU-0001").getAttribute("aria-level")).toBe("3");
  });

  it("collapses again and selects without toggling", () => {
    const onSelect = vi.fn();
    render(<Harness onSelect={onSelect} />);
    fireEvent.click(screen.getByTestId("tree-toggle-group:BRAND-SUNNY"));
    fireEvent.click(screen.getByTestId("tree-toggle-group:BRAND-SUNNY"));
    expect(screen.queryByText("Juices")).toBeNull();
    fireEvent.click(screen.getByText("Sunny"));
    expect(onSelect).toHaveBeenCalledWith(brand);
    expect(screen.queryByText("Juices")).toBeNull();
  });

  it("expands with the arrow keys", () => {
    render(<Harness />);
    fireEvent.keyDown(screen.getByTestId("tree-node-group:BRAND-SUNNY"), { key: "ArrowRight" });
    expect(screen.getByText("Juices")).toBeTruthy();
  });

  it("shows loading while children are on their way", () => {
    render(
      <Tree
        label="Products"
        roots={[brand]}
        childrenOf={() => "loading"}
        expanded={new Set([brand.id])}
        selectedId={null}
        onSelect={() => {}}
        onToggle={() => {}}
      />,
    );
    expect(screen.getByText("Loading…")).toBeTruthy();
  });
});
