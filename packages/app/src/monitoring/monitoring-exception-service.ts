// The exceptions the monitoring stage hands to the next cycle's reviews: the last closed months'
// actuals against the committed plan — persistent forecast bias (from the accuracy service's
// snapshot cells), attainment and stock (from the supply KPIs), segment OTIF (from the order
// service), overdue decisions (from the decision log) — judged by the engine's rules against the
// KPI targets, ranked by value at stake, each with who acknowledged it and what was done.

import {
  addPeriods,
  bucketOf,
  canAcknowledgeExceptions,
  type Money,
  type PeriodKey,
  parsePeriod,
  periodRange,
} from "@fulcrum/domain";
import {
  attainmentExceptions,
  type BiasSeries,
  forecastBiasExceptions,
  type InventoryObservation,
  type MonitoringFinding,
  otifExceptions,
  overdueDecisions,
  rankByValueAtStake,
  stepForecasts,
  stockExceptions,
} from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import type { User } from "../auth/auth-service";
import { sqlRows } from "../data/sql-rows";
import type { ForecastAccuracyService } from "../demand/forecast-accuracy-service";
import { AppError } from "../errors";
import type { ScenarioComparisonService } from "../scenarios/scenario-comparison-service";
import type { WorkspaceService } from "../workspace/workspace-service";
import { type KpiTargetService, resolveTarget } from "./kpi-target-service";
import type { OrderServiceKpis } from "./order-service-kpis";
import type { SupplyKpiService } from "./supply-kpi-service";

export interface MonitoringExceptionRequest {
  /** Closed months looked back over, ending with the last closed one (default 6, at most 24). */
  readonly months?: number;
  /** Months in a row a forecast bias must last (default 3). */
  readonly biasPeriods?: number;
  /**
   * The window's last month (default the last closed one), for a past month's report. Decisions are
   * overdue as of today whatever the window: an open decision past its date is late now.
   */
  readonly to?: string;
}

export const DEFAULT_EXCEPTION_MONTHS = 6;
export const DEFAULT_BIAS_PERIODS = 3;
export const MAX_ACKNOWLEDGEMENT_ACTION = 2000;
const ACKNOWLEDGEMENT_STATUSES = ["acknowledged", "resolved", "dismissed"] as const;
export type AcknowledgementStatus = (typeof ACKNOWLEDGEMENT_STATUSES)[number];

export interface Acknowledgement {
  readonly id: number;
  readonly status: AcknowledgementStatus;
  readonly action: string;
  readonly by: { readonly username: string; readonly displayName: string };
  readonly at: string;
  /** The cycle whose list showed the exception when it was acknowledged. */
  readonly cyclePeriod: string;
}

export interface MonitoringException extends Omit<MonitoringFinding, "subject"> {
  readonly subject: MonitoringFinding["subject"] & { readonly name: string };
  /** The web route that shows the data behind it. */
  readonly link: string;
  /** The latest acknowledgement's author (display name), time and what was done; null while open. */
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
  readonly action: string | null;
  readonly status: "open" | AcknowledgementStatus;
  /** The bias run's tracking signal; null for the other kinds. */
  readonly trackingSignal: number | null;
}

export interface MonitoringExceptionList {
  /** The cycle these exceptions open: the current one. */
  readonly cycle: string;
  readonly from: string;
  readonly to: string;
  readonly biasPeriods: number;
  readonly exceptions: MonitoringException[];
}

export class MonitoringExceptionService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly accuracy: ForecastAccuracyService,
    private readonly supplyKpis: SupplyKpiService,
    private readonly orderService: OrderServiceKpis,
    private readonly now: () => Date,
    private readonly comparison: Pick<ScenarioComparisonService, "compare">,
    private readonly targets: Pick<KpiTargetService, "inForce">,
  ) {}

  /** Every exception of the window, largest value at stake first, with its latest acknowledgement. */
  async list(options: MonitoringExceptionRequest = {}): Promise<MonitoringExceptionList> {
    const company = await this.workspace.company();
    const months = options.months ?? DEFAULT_EXCEPTION_MONTHS;
    if (!Number.isInteger(months) || months < 1 || months > 24)
      throw new AppError("bad_request", "months must be a whole number of closed months from 1 to 24");
    const biasPeriods = options.biasPeriods ?? DEFAULT_BIAS_PERIODS;
    if (!Number.isInteger(biasPeriods) || biasPeriods < 1 || biasPeriods > months)
      throw new AppError("bad_request", `biasPeriods must be a whole number of months from 1 to ${months}`);
    const cycle = company.currentPeriod;
    const lastClosed = addPeriods(cycle, -1);
    const to = options.to === undefined ? lastClosed : parsePeriod(options.to);
    if (!to || bucketOf(to) !== company.bucket || to > lastClosed)
      throw new AppError("bad_request", `to must be a closed ${company.bucket} up to ${lastClosed}`);
    const from = addPeriods(to, -(months - 1));
    const window = { from, to };
    const query = sqlRows(this.database.db);
    // The scorecard's targets: the subject's own scope, else the company's, else the catalogue's default.
    const inForce = await this.targets.inForce();
    const target = (kpi: "forecast_bias" | "plan_attainment" | "otif", scope: string) =>
      resolveTarget(inForce, kpi, scope).target;

    const items = await query<{ sku: string; name: string; family: string | null; price: number | null }>(sql`
      SELECT i.sku, i.name, i.group_code AS family,
             (SELECT avg(pr.unit_price)::float8 FROM prices pr
              WHERE pr.sku = i.sku AND pr.valid_from <= ${company.asOf}::date
                AND (pr.valid_to IS NULL OR pr.valid_to >= ${company.asOf}::date)) AS price
      FROM items i`);
    const item = new Map(items.map((i) => [i.sku, i]));
    const priceOf = (sku: string) => Math.round(item.get(sku)?.price ?? 0) as Money;
    const familyScope = (sku: string) => `group:${item.get(sku)?.family ?? ""}`;

    // Bias: each SKU's lag-1 consensus, as the accuracy service measures it, month by month.
    const measured = await this.accuracy.measure({ lag: 1, level: "sku", ...window });
    const biasMonths = new Map<string, BiasSeries["months"][number][]>();
    for (const cell of measured.scored)
      biasMonths.set(cell.key, [
        ...(biasMonths.get(cell.key) ?? []),
        { period: cell.period, forecast: stepForecasts(cell).consensus, actual: cell.actual },
      ]);
    const bias = [...biasMonths].flatMap(([sku, list]) =>
      forecastBiasExceptions(
        [
          {
            key: sku,
            unitPrice: priceOf(sku),
            months: list.sort((a, b) => a.period.localeCompare(b.period)),
          },
        ],
        { threshold: target("forecast_bias", familyScope(sku)), periods: biasPeriods },
      ),
    );

    const supply = await this.supplyKpis.measure(window);
    const attainment = attainmentExceptions(
      supply.attainment.bySku.byKey.map((a) => ({
        attainment: a,
        target: target("plan_attainment", familyScope(a.key ?? "")),
        unitCost: Math.round(supply.unitCost.get(a.key ?? "") ?? 0) as Money,
      })),
    );
    const positions = new Map<string, InventoryObservation[]>();
    for (const o of supply.observations) positions.set(o.key, [...(positions.get(o.key) ?? []), o]);
    const stock = stockExceptions(
      [...positions.values()].map((observations) => ({
        observations: observations.sort((a, b) => a.period.localeCompare(b.period)),
        unitPrice: priceOf(observations[0]!.key.split("@")[0]!),
      })),
    );

    const service = await this.orderService.orderService(window);
    // What the segment's customers ordered in the window, at the line's price (else the list price).
    const revenue = await query<{ segment: string; name: string; revenue: number }>(sql`
      SELECT s.code AS segment, s.name,
             coalesce(sum(h.requested_qty * coalesce(h.unit_price, (
               SELECT avg(pr.unit_price) FROM prices pr
               WHERE pr.sku = h.sku AND pr.valid_from <= h.requested_date
                 AND (pr.valid_to IS NULL OR pr.valid_to >= h.requested_date)))), 0)::float8 AS revenue
      FROM segments s
      LEFT JOIN customers c ON c.segment = s.code
      LEFT JOIN sales_history h ON h.customer = c.code
        AND h.requested_date >= ${`${from}-01`}::date AND h.requested_date < ${`${addPeriods(to, 1)}-01`}::date
      GROUP BY s.code, s.name`);
    const segment = new Map(revenue.map((r) => [r.segment, r]));
    const otif = otifExceptions(
      service.bySegment.map((s) => ({
        segment: s.key,
        otif: s.otif,
        target: target("otif", `segment:${s.key}`),
        revenue: Math.round(segment.get(s.key)?.revenue ?? 0) as Money,
      })),
      periodRange(from, to),
    );

    const decisions = await query<{
      id: number;
      title: string;
      period: PeriodKey;
      status: string;
      dueDate: string | null;
      scenarioId: number | null;
    }>(sql`
      SELECT id, title, cycle_period AS period, status, to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
             scenario_id AS "scenarioId"
      FROM decisions WHERE status = 'open' AND due_date < ${company.asOf}::date`);
    const valued = [];
    for (const d of decisions) valued.push({ ...d, value: await this.scenarioValue(d.scenarioId) });
    const overdue = overdueDecisions(valued, company.asOf);
    const decisionTitle = new Map(decisions.map((d) => [String(d.id), d.title]));

    const found = rankByValueAtStake([...bias, ...attainment, ...stock, ...otif, ...overdue]);
    const latest = await this.latestAcknowledgements(found.map((f) => f.key));
    const nameOf = (f: MonitoringFinding) => {
      const code = f.subject.code;
      if (f.subject.type === "sku") return item.get(code)?.name ?? code;
      if (f.subject.type === "position") return item.get(code.split("@")[0]!)?.name ?? code;
      if (f.subject.type === "segment") return segment.get(code)?.name ?? code;
      return decisionTitle.get(code) ?? code;
    };
    return {
      cycle,
      from,
      to,
      biasPeriods,
      exceptions: found.map((f) => {
        const ack = latest.get(f.key);
        return {
          ...f,
          subject: { ...f.subject, name: nameOf(f) },
          link: linkOf(f),
          acknowledgedBy: ack?.by.displayName ?? null,
          acknowledgedAt: ack?.at ?? null,
          action: ack?.action ?? null,
          status: ack?.status ?? "open",
          trackingSignal: "trackingSignal" in f ? (f.trackingSignal as number) : null,
        };
      }),
    };
  }

  /** One exception of the list asked for, with every acknowledgement it has had, oldest first. */
  async get(
    key: string,
    options: MonitoringExceptionRequest = {},
  ): Promise<{ readonly exception: MonitoringException; readonly acknowledgements: Acknowledgement[] }> {
    const exception = await this.find(key, options);
    return { exception, acknowledgements: await this.history(key) };
  }

  /**
   * Records who acknowledged an exception and what was done (required), optionally resolving or
   * dismissing it; a later entry supersedes this one, and both stay in the history. forbidden for
   * roles that do not own a review; not_found for a key not in the list asked for.
   */
  async acknowledge(
    key: string,
    input: { readonly action: string; readonly status?: string },
    user: User,
    options: MonitoringExceptionRequest = {},
  ): Promise<{ readonly exception: MonitoringException; readonly acknowledgements: Acknowledgement[] }> {
    if (!canAcknowledgeExceptions(user.role))
      throw new AppError(
        "forbidden",
        "exceptions are acknowledged by the planners, finance, the executive and administrators",
      );
    const action = input.action.trim();
    if (action === "") throw new AppError("bad_request", "action: say what was done");
    if (action.length > MAX_ACKNOWLEDGEMENT_ACTION)
      throw new AppError("bad_request", `action: at most ${MAX_ACKNOWLEDGEMENT_ACTION} characters`);
    const status = input.status ?? "acknowledged";
    if (!(ACKNOWLEDGEMENT_STATUSES as readonly string[]).includes(status))
      throw new AppError("bad_request", `status: one of ${ACKNOWLEDGEMENT_STATUSES.join(", ")}`);
    const exception = await this.find(key, options);
    const { currentPeriod } = await this.workspace.company();
    await this.database.db
      .insertInto("exception_acknowledgements")
      .values({
        exception_key: key,
        cycle_period: currentPeriod,
        status,
        action,
        acknowledged_by: user.id,
        acknowledged_at: this.now(),
      })
      .execute();
    const acknowledgements = await this.history(key);
    const latest = acknowledgements[acknowledgements.length - 1]!;
    return {
      exception: {
        ...exception,
        acknowledgedBy: latest.by.displayName,
        acknowledgedAt: latest.at,
        action: latest.action,
        status: latest.status,
      },
      acknowledgements,
    };
  }

  /**
   * What a decision's scenario is worth: |its gross margin − the base plan's| over the plans'
   * common span, for every product. 0 without a scenario, for the base itself, or while either
   * plan has no finished supply plan to compare (the comparison refuses it).
   */
  private async scenarioValue(scenarioId: number | null): Promise<Money> {
    if (scenarioId === null) return 0 as Money;
    const base = await this.database.db
      .selectFrom("scenarios")
      .select("id")
      .where("parent_id", "is", null)
      .orderBy("id")
      .executeTakeFirst();
    if (!base || base.id === scenarioId) return 0 as Money;
    try {
      const { columns } = await this.comparison.compare({
        plans: [{ scenarioId: base.id }, { scenarioId }],
        node: { kind: "all" },
      });
      const [plan, scenario] = columns;
      if (!plan || !scenario) return 0 as Money;
      return Math.round(Math.abs(scenario.figures.grossMargin - plan.figures.grossMargin)) as Money;
    } catch (error) {
      if (error instanceof AppError) return 0 as Money;
      throw error;
    }
  }

  private async find(key: string, options: MonitoringExceptionRequest): Promise<MonitoringException> {
    const list = await this.list(options);
    const exception = list.exceptions.find((e) => e.key === key);
    if (!exception)
      throw new AppError(
        "not_found",
        `no exception ${key} in the closed months ${list.from} to ${list.to} (bias over ${list.biasPeriods} months)`,
      );
    return exception;
  }

  private async history(key: string): Promise<Acknowledgement[]> {
    return (await this.acknowledgements([key])).get(key) ?? [];
  }

  private async latestAcknowledgements(keys: readonly string[]): Promise<Map<string, Acknowledgement>> {
    const all = await this.acknowledgements(keys);
    return new Map([...all].map(([key, list]) => [key, list[list.length - 1]!]));
  }

  private async acknowledgements(keys: readonly string[]): Promise<Map<string, Acknowledgement[]>> {
    if (keys.length === 0) return new Map();
    const rows = await sqlRows(this.database.db)<{
      id: number;
      key: string;
      status: AcknowledgementStatus;
      action: string;
      username: string;
      displayName: string;
      at: Date;
      cyclePeriod: string;
    }>(sql`
      SELECT a.id, a.exception_key AS key, a.status, a.action, u.username, u.display_name AS "displayName",
             a.acknowledged_at AS at, a.cycle_period AS "cyclePeriod"
      FROM exception_acknowledgements a JOIN users u ON u.id = a.acknowledged_by
      WHERE a.exception_key = ANY(${keys}::text[])
      ORDER BY a.id`);
    const byKey = new Map<string, Acknowledgement[]>();
    for (const r of rows)
      byKey.set(r.key, [
        ...(byKey.get(r.key) ?? []),
        {
          id: r.id,
          status: r.status,
          action: r.action,
          by: { username: r.username, displayName: r.displayName },
          at: r.at.toISOString(),
          cyclePeriod: r.cyclePeriod,
        },
      ]);
    return byKey;
  }
}

/**
 * The page that shows the data behind an exception: the SKU's history and forecast, its production
 * actuals or stock counts in the data browser (searched by SKU), the order service by segment, the
 * decision in the executive log.
 */
function linkOf(f: MonitoringFinding): string {
  const code = encodeURIComponent(f.subject.code);
  const sku = encodeURIComponent(f.subject.code.split("@")[0]!);
  switch (f.kind) {
    case "forecast-bias":
      return `/demand/forecast?node=${code}&kind=item`;
    case "plan-attainment":
      return `/data/production_actuals?q=${code}`;
    case "inventory-above-max":
    case "inventory-below-safety-stock":
      return `/data/inventory?q=${sku}`;
    case "otif-below-target":
      return `/monitor?segment=${code}`;
    case "decision-overdue":
      return `/executive#decision-${code}`;
  }
}
