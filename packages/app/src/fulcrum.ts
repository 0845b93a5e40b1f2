// The application: every use case the HTTP API, the CLI and (through the API) the web app call,
// composed once over one database. Layers above never reach the database themselves.

import type { Currency } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { AuthService } from "./auth/auth-service";
import { CommentService } from "./collaboration/comment-service";
import { CycleService } from "./cycle/cycle-service";
import { DecisionService } from "./cycle/decision-service";
import { EntityService } from "./data/entity-service";
import { ExportService } from "./data/export-service";
import { ImportService } from "./data/import-service";
import { DemandAnalysisService } from "./demand/demand-analysis-service";
import { DemandExceptionService } from "./demand/demand-exception-service";
import { DemandPasteService } from "./demand/demand-paste-service";
import { DemandPlanService } from "./demand/demand-plan-service";
import { DemandSegmentationService } from "./demand/demand-segmentation-service";
import { ForecastAccuracyService } from "./demand/forecast-accuracy-service";
import { PromotionService } from "./demand/promotion-service";
import { RevenuePlanService } from "./demand/revenue-plan-service";
import { playDemoCurrentCycle } from "./demo/demo-current-cycle";
import { playDemoCycles } from "./demo/demo-cycles";
import { loadDemoCompany } from "./demo/load-demo";
import { CommitService } from "./executive/commit-service";
import { DemandSensingService } from "./forecasting/demand-sensing-service";
import { ForecastService } from "./forecasting/forecast-service";
import { HierarchyService } from "./hierarchy/hierarchy-service";
import { KpiTargetService } from "./monitoring/kpi-target-service";
import { MonitoringExceptionService } from "./monitoring/monitoring-exception-service";
import { OrderServiceKpis } from "./monitoring/order-service-kpis";
import { ScorecardService } from "./monitoring/scorecard-service";
import { SupplyKpiService } from "./monitoring/supply-kpi-service";
import { NotificationService } from "./notifications/notification-service";
import { PlanService } from "./plans/plan-service";
import { PromiseRiskService } from "./promising/promise-risks";
import { PromisingService } from "./promising/promising-service";
import { ScenarioComparisonService } from "./scenarios/scenario-comparison-service";
import { ScenarioService } from "./scenarios/scenario-service";
import { SupplierPortalService } from "./suppliers/supplier-portal-service";
import { SolverHandle } from "./supply/solver-handle";
import { SupplyInputService } from "./supply/supply-input-service";
import { SupplyService } from "./supply/supply-service";
import { loadCompany } from "./workspace/company";
import { WorkspaceService } from "./workspace/workspace-service";

export interface FulcrumOptions {
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
  /** The process's HiGHS worker; one is started on the first optimiser run when omitted. */
  readonly solver?: SolverHandle;
}

export type Fulcrum = ReturnType<typeof createFulcrum>;

export function createFulcrum(database: Database, options: FulcrumOptions = {}) {
  const now = options.now ?? (() => new Date());
  const currency = async (): Promise<Currency> =>
    (await loadCompany(database))?.currency ?? { code: "EUR", minorDigits: 2 };
  const auth = new AuthService(database, now);
  const plans = new PlanService(database, now);
  const workspace = new WorkspaceService(database);
  const hierarchy = new HierarchyService(database);
  const supplyInputs = new SupplyInputService(database, workspace, plans, now);
  const demand = new DemandPlanService(database, plans, hierarchy, now);
  const imports = new ImportService(database, currency, now);
  const supply = new SupplyService(
    database,
    workspace,
    plans,
    options.solver ?? new SolverHandle(),
    supplyInputs,
    now,
  );
  /** The S&OP cycle's stage approvals; a plan commit calls `cycle.markCommitted(trx, …)` to close it. */
  const cycle = new CycleService(database, workspace, now);
  const scenarios = new ScenarioService(database, workspace, plans, supply, now);
  const forecasts = new ForecastService(database, workspace, plans, now);
  const promiseRisks = new PromiseRiskService(database, workspace, now);
  const commitments = new CommitService(database, workspace, plans, scenarios, supply, cycle, now, () =>
    promiseRisks.check(),
  );
  const accuracy = new ForecastAccuracyService(database, workspace);
  const supplyKpis = new SupplyKpiService(database, workspace, plans);
  const kpiTargets = new KpiTargetService(database);
  const orderService = new OrderServiceKpis(database, workspace);
  const scenarioComparison = new ScenarioComparisonService(database, workspace, scenarios, supply);
  return {
    database,
    auth,
    plans,
    workspace,
    forecasts,
    supply,
    scenarios,
    scenarioComparison,
    commitments,
    promising: new PromisingService(database, workspace, now),
    promiseRisks,
    notifications: new NotificationService(database, now),
    supplyInputs,
    supplyKpis,
    kpiTargets,
    scorecard: new ScorecardService(database, workspace, accuracy, supplyKpis, kpiTargets),
    orderService,
    monitoringExceptions: new MonitoringExceptionService(
      database,
      workspace,
      accuracy,
      supplyKpis,
      orderService,
      now,
      scenarioComparison,
      kpiTargets,
    ),
    suppliers: new SupplierPortalService(database, workspace, now),
    entities: new EntityService(database),
    imports,
    exports: new ExportService(database, currency),
    hierarchy,
    demand,
    demandPaste: new DemandPasteService(database, now),
    accuracy,
    demandExceptions: new DemandExceptionService(database, workspace),
    demandAnalysis: new DemandAnalysisService(database, workspace),
    segmentation: new DemandSegmentationService(database, workspace, imports),
    sensing: new DemandSensingService(database),
    revenuePlan: new RevenuePlanService(database),
    promotions: new PromotionService(database, now),
    comments: new CommentService(database, now),
    cycle,
    decisions: new DecisionService(database, workspace, now),
    loadDemo: (demo: { seed?: number; skuCount?: number; asOf?: string } = {}) =>
      loadDemoCompany(database, { auth, plans }, demo),
    /** The demo's past cycles (forecast, inputs, consensus, supply plan, commitment), for monitoring. */
    playDemoCycles: (options: { cycles?: number; horizon?: number } = {}) =>
      playDemoCycles(database, { demand, plans, workspace, supply, cycle, commitments }, options),
    /** The demo's current cycle up to alignment: forecast, base supply plan, two scenarios. */
    playDemoCurrentCycle: (options: { horizon?: number } = {}) =>
      playDemoCurrentCycle(database, { forecasts, supply, scenarios, workspace }, options),
  };
}
