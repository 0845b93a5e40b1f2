// Finding a plan grid's cells in tests by what they are: a cell at rest is named with its figure
// ("Juices, Nov 2026: 100"), its input while edited by the label alone ("Juices, Nov 2026").

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Matches the cell's name at rest (with any figure) and its input's while edited. */
export const cellName = (label: string) => new RegExp(`^${escaped(label)}(: .+)?$`);

/** The label part of a cell's name, without its figure. */
export const labelOf = (element: Element | null | undefined) =>
  element?.getAttribute("aria-label")?.replace(/: [^:]*$/, "") ?? null;
