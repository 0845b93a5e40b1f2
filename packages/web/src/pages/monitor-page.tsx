// Monitoring: how customers' orders were served (fill rate, OTIF, cancellations), how the supply plan was carried out (plan attainment, inventory versus plan), and
// the data behind the plan — sales-history coverage and every import run.

import { useOrderService, useSupplyKpis } from "../api/monitoring";
import { useImports, useWorkspace } from "../api/queries";
import { HistoryCoverage } from "../components/history-coverage";
import { ImportLog } from "../components/import-log";
import { OrderServicePanel } from "../components/order-service-panel";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { SupplyPerformancePanel } from "../components/supply-performance-panel";
import { stageById } from "../stages/stage-config";

export function MonitorPage() {
  const workspace = useWorkspace();
  const imports = useImports();
  const supply = useSupplyKpis();
  const orders = useOrderService();
  const stage = stageById("monitor");
  const labelOf = (name: string) => workspace.data?.entities.find((e) => e.name === name)?.label ?? name;
  return (
    <div className="page" data-testid="stage-page-monitor">
      <PageHeader eyebrow="Operations" title={stage.label} description={stage.purpose} />
      {orders.isPending ? null : orders.isError ? (
        <ErrorMessage error={orders.error} />
      ) : (
        <OrderServicePanel report={orders.data} />
      )}
      {supply.isPending ? (
        <Loading label="Measuring the supply plan…" />
      ) : supply.isError ? (
        <ErrorMessage error={supply.error} />
      ) : (
        <SupplyPerformancePanel
          kpis={supply.data}
          currency={workspace.data?.company.currency ?? { code: "EUR", minorDigits: 2 }}
        />
      )}
      <Panel title="Sales history coverage">
        {workspace.isPending ? (
          <Loading />
        ) : workspace.isError ? (
          <ErrorMessage error={workspace.error} />
        ) : (
          <HistoryCoverage history={workspace.data.history} />
        )}
      </Panel>
      <Panel title="Import log" subtitle="The latest 50 imports, newest first" flush>
        {imports.isPending ? (
          <Loading />
        ) : imports.isError ? (
          <ErrorMessage error={imports.error} />
        ) : (
          <ImportLog runs={imports.data} labelOf={labelOf} maxHeight={560} testId="import-log" />
        )}
      </Panel>
    </div>
  );
}
