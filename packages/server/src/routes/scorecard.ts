// The KPI scorecard against the committed plans: the scorecard of a window of closed months, the
// drill-down of one KPI, the targets (read by every company role, set by the planners, finance,
// the executive team and administrators) and the monthly S&OP performance report as JSON and Excel.

import {
  type Fulcrum,
  performanceReport,
  performanceReportWorkbook,
  type ReportException,
} from "@fulcrum/app";
import { canSetKpiTargets } from "@fulcrum/domain";
import { KPI_AREAS, KPI_CODES } from "@fulcrum/engines";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";
import { requireRole } from "../session";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const maySetTargets = requireRole(canSetKpiTargets, "set KPI targets");
const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month, YYYY-MM")
  .openapi({ example: "2026-10" });
const Kpi = z.enum(KPI_CODES);
const Unit = z.enum(["share", "units", "money", "days", "ratio"]);
const Status = z.enum(["on-target", "near", "off-target"]).nullable();

const Filter = z.object({
  from: z.string().optional().openapi({ example: "2025-11" }),
  to: z.string().optional().openapi({ example: "2026-10" }),
  node: z.string().min(1).optional().openapi({ description: "a product group's code" }),
  segment: z.string().min(1).optional(),
  location: z.string().min(1).optional(),
});

const Point = z.object({ period: z.string(), value: z.number().nullable(), reason: z.string().nullable() });
const Definition = {
  code: Kpi,
  name: z.string(),
  area: z.enum(KPI_AREAS),
  unit: Unit,
  direction: z.enum(["higher", "lower"]),
  definition: z.string(),
};
const KpiSchema = z
  .object({
    ...Definition,
    value: z.number().nullable(),
    reason: z.string().nullable(),
    target: z.number(),
    targetSource: z.string(),
    status: Status,
    trend: z.array(Point).readonly(),
    filtered: z.boolean(),
    details: z.array(z.object({ label: z.string(), value: z.number().nullable(), unit: Unit })).readonly(),
  })
  .openapi("ScorecardKpi");
const MonthPlanSchema = z.object({
  period: z.string(),
  committedPlanId: z.number().nullable(),
  cyclePeriod: z.string().nullable(),
  reason: z.string().nullable(),
});
const ScorecardSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    filter: z.object({
      node: z.string().optional(),
      segment: z.string().optional(),
      location: z.string().optional(),
    }),
    scope: z.string(),
    months: z.array(MonthPlanSchema),
    kpis: z.array(KpiSchema),
    accuracy: z.array(
      z.object({
        lag: z.number(),
        steps: z.array(
          z.object({
            step: z.string(),
            wape: z.number().nullable(),
            mape: z.number().nullable(),
            mase: z.number().nullable(),
            bias: z.number().nullable(),
            valueAdded: z.number().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi("Scorecard");

const scorecard = createRoute({
  method: "get",
  path: "/monitoring/scorecard",
  tags: ["monitoring"],
  request: { query: Filter },
  responses: {
    200: json(
      ScorecardSchema,
      "Every KPI of the catalogue over the closed months from–to (default the last twelve, at most 24), by node, segment and location: value, monthly trend, target in force and status; the executive KPIs against each month's committed plan",
    ),
    400: errors[400],
    401: errors[401],
  },
});

const DrillSchema = z
  .object({
    kpi: Kpi,
    name: z.string(),
    from: z.string(),
    to: z.string(),
    basis: z.string(),
    contributionUnit: Unit,
    rows: z.array(
      z.object({
        subject: z.string(),
        kind: z.enum(["sku", "supplier", "location", "position", "period"]),
        value: z.number().nullable(),
        contribution: z.number(),
        link: z.string(),
      }),
    ),
  })
  .openapi("ScorecardDrill");
const drill = createRoute({
  method: "get",
  path: "/monitoring/scorecard/{kpi}/drill",
  tags: ["monitoring"],
  request: { params: z.object({ kpi: Kpi }), query: Filter },
  responses: {
    200: json(
      DrillSchema,
      "What drives the KPI — SKUs, suppliers, locations, positions or months — ranked by contribution",
    ),
    400: errors[400],
    401: errors[401],
  },
});

const TargetSchema = z
  .object({
    id: z.number(),
    kpi: z.string(),
    scope: z.string(),
    target: z.number(),
    note: z.string(),
    setBy: z.string(),
    setAt: z.string(),
  })
  .openapi("KpiTarget");
const targets = createRoute({
  method: "get",
  path: "/monitoring/targets",
  tags: ["monitoring"],
  request: {
    query: z.object({
      kpi: z.string().optional().openapi({ description: "with it: that KPI's whole history, newest first" }),
      scope: z.string().optional(),
    }),
  },
  responses: {
    200: json(
      z.object({
        catalogue: z.array(z.object({ ...Definition, defaultTarget: z.number() })),
        targets: z.array(TargetSchema),
      }),
      "The KPI catalogue with default targets, and the targets in force (or one KPI's history)",
    ),
    401: errors[401],
  },
});
const setTarget = createRoute({
  method: "post",
  path: "/monitoring/targets",
  tags: ["monitoring"],
  middleware: [maySetTargets] as const,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            kpi: z.string().openapi({ example: "otif" }),
            scope: z.string().optional().openapi({
              description: "company (default), segment:CODE, group:CODE, location:CODE or resource:CODE",
            }),
            target: z.number(),
            note: z.string().max(500).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: json(TargetSchema, "The target set, now in force for its KPI and scope"),
    400: errors[400],
    401: errors[401],
    403: json(ErrorSchema, "The role may not set KPI targets"),
    422: json(ErrorSchema, "An unknown KPI or scope, or a target that is not a number"),
  },
});

const ExceptionSchema = z.object({
  kind: z.string(),
  title: z.string(),
  subject: z.string(),
  valueAtStake: z.number(),
  link: z.string(),
  acknowledgedBy: z.string().nullable(),
  action: z.string().nullable(),
});
const ReportSchema = z
  .object({
    month: z.string(),
    from: z.string(),
    committedPlan: MonthPlanSchema,
    kpis: z.array(
      z.object({
        ...Definition,
        target: z.number(),
        status: Status,
        monthValue: z.number().nullable(),
        monthReason: z.string().nullable(),
        windowValue: z.number().nullable(),
        windowReason: z.string().nullable(),
        trend: z.array(Point).readonly(),
      }),
    ),
    exceptions: z.array(ExceptionSchema),
    exceptionCount: z.number(),
  })
  .openapi("PerformanceReport");
const ReportQuery = z.object({ month: Month });
const report = createRoute({
  method: "get",
  path: "/monitoring/report",
  tags: ["monitoring"],
  request: { query: ReportQuery },
  responses: {
    200: json(
      ReportSchema,
      "The monthly S&OP performance report: the month's scorecard, trends and top exceptions",
    ),
    400: errors[400],
    401: errors[401],
  },
});
const reportXlsx = createRoute({
  method: "get",
  path: "/monitoring/report.xlsx",
  tags: ["monitoring"],
  request: { query: ReportQuery },
  responses: {
    200: {
      content: { [XLSX]: { schema: z.any() } },
      description: "The performance report as an Excel workbook",
    },
    400: errors[400],
    401: errors[401],
  },
});

/**
 * The exceptions the report lists: those of the closed months up to the report's month, largest
 * value at stake first, each with its acknowledgement.
 */
async function reportExceptions(fulcrum: Fulcrum, month: string): Promise<ReportException[]> {
  const { exceptions } = await fulcrum.monitoringExceptions.list({ to: month });
  return exceptions.map((e) => ({
    kind: e.kind,
    title: e.title,
    subject: e.subject.name,
    valueAtStake: e.valueAtStake,
    link: e.link,
    acknowledgedBy: e.acknowledgedBy,
    action: e.action,
  }));
}

async function reportFor(fulcrum: Fulcrum, month: string) {
  return performanceReport(fulcrum.scorecard, { month, exceptions: await reportExceptions(fulcrum, month) });
}

export const scorecardRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(scorecard, async (c) => c.json(await c.var.fulcrum.scorecard.scorecard(c.req.valid("query")), 200))
  .openapi(drill, async (c) => {
    const { kpi } = c.req.valid("param");
    return c.json(await c.var.fulcrum.scorecard.drill(kpi, c.req.valid("query")), 200);
  })
  .openapi(targets, async (c) => {
    const { kpi, scope } = c.req.valid("query");
    const service = c.var.fulcrum.kpiTargets;
    return c.json(
      {
        catalogue: [...service.catalogue()],
        targets: kpi ? await service.history(kpi, scope) : await service.inForce(),
      },
      200,
    );
  })
  .openapi(setTarget, async (c) =>
    c.json(await c.var.fulcrum.kpiTargets.set(c.req.valid("json"), c.var.user), 201),
  )
  .openapi(report, async (c) => c.json(await reportFor(c.var.fulcrum, c.req.valid("query").month), 200))
  .openapi(reportXlsx, async (c) => {
    const fulcrum = c.var.fulcrum;
    const { month } = c.req.valid("query");
    const company = await fulcrum.workspace.company();
    const body = await performanceReportWorkbook(
      await reportFor(fulcrum, month),
      company.currency.minorDigits,
    );
    return c.body(new Uint8Array(body), 200, {
      "Content-Type": XLSX,
      "Content-Disposition": `attachment; filename="sop-performance-${month}.xlsx"`,
    });
  });
