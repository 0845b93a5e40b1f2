// Where the next cycle's reviews start: the few open exceptions of the last closed months with the
// most money at stake, each opening its data, and the way to the whole list.

import { Link } from "react-router";
import { useMonitoringExceptions } from "../api/monitoring-exceptions";
import type { CompanyCurrency } from "../api/types";
import { formatCount, formatMoneyRounded } from "../format/numbers";
import { EXCEPTION_KIND, exceptionMonths } from "./monitoring-exception-labels";
import { Panel } from "./panel";
import { ErrorMessage, Loading } from "./query-state";
import { Tag } from "./tag";

const SHOWN = 5;

export function NextCycleExceptionsPanel({ currency }: { currency: CompanyCurrency }) {
  const list = useMonitoringExceptions();
  const open = (list.data?.exceptions ?? []).filter((e) => e.status === "open");
  return (
    <Panel
      title="Exceptions to review"
      subtitle={
        list.data
          ? `${formatCount(open.length)} open from the last closed months, largest value at stake first`
          : "The committed plan not met in the last closed months"
      }
      actions={
        <Link
          className="button button-small"
          to="/monitor/exceptions"
          data-testid="next-cycle-exceptions-all"
        >
          All exceptions
        </Link>
      }
      testId="next-cycle-exceptions"
    >
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorMessage error={list.error} /> : null}
      {list.data && open.length === 0 ? (
        <p className="muted">Nothing open: every exception was acknowledged.</p>
      ) : null}
      {open.length > 0 ? (
        <table className="grid grid-plain" aria-label="Open exceptions">
          <tbody>
            {open.slice(0, SHOWN).map((e) => (
              <tr key={e.key} data-key={e.key}>
                <th scope="row">
                  <Link to={e.link}>{e.title}</Link>
                </th>
                <td>
                  <Tag tone={EXCEPTION_KIND[e.kind].tone}>{EXCEPTION_KIND[e.kind].label}</Tag>
                </td>
                <td>{exceptionMonths(e.periods)}</td>
                <td className="align-right num">{formatMoneyRounded(e.valueAtStake, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Panel>
  );
}
