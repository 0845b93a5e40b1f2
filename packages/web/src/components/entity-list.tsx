// Entities with their row counts, linking to their data browsers; empty ones are flagged because
// a missing input is the first thing that breaks a plan.

import { Link } from "react-router";
import type { EntitySummary } from "../api/types";
import { formatCount } from "../format/numbers";
import { Num } from "./num";
import { Tag } from "./tag";

export function EntityList({ entities, testId }: { entities: readonly EntitySummary[]; testId?: string }) {
  if (entities.length === 0) return <p className="muted">No entities in this area.</p>;
  return (
    <table className="grid grid-plain entity-list" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Entity</th>
          <th scope="col" className="align-right">
            Rows
          </th>
        </tr>
      </thead>
      <tbody>
        {entities.map((entity) => (
          <tr key={entity.name} data-entity={entity.name}>
            <td>
              <Link to={`/data/${entity.name}`}>{entity.label}</Link>
            </td>
            <td className="align-right">
              {entity.rows === 0 ? <Tag tone="warning">empty</Tag> : <Num>{formatCount(entity.rows)}</Num>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
