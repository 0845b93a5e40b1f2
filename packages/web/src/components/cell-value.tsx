// Renders one catalogue value in a grid cell, formatted by its column type.

import type { ColumnType } from "@fulcrum/domain";
import type { CompanyCurrency, CellValue as Value } from "../api/types";
import { formatCell } from "../format/format-cell";
import { Num } from "./num";
import { Tag } from "./tag";

export function CellValue({
  type,
  value,
  currency,
}: {
  type: ColumnType;
  value: Value;
  currency: CompanyCurrency;
}) {
  const cell = formatCell(type, value, currency);
  switch (cell.look) {
    case "empty":
      return <span className="cell-empty" />;
    case "number":
      return <Num negative={cell.negative}>{cell.text}</Num>;
    case "tag":
      return <Tag>{cell.text}</Tag>;
    case "code":
      return <span className="code">{cell.text}</span>;
    case "plain":
      return <>{cell.text}</>;
  }
}
