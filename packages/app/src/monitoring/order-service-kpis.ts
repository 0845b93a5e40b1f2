// Order service from the order history, for closed months: unit and line fill rate, on time in
// full and cancelled orders — in total, by month (the trend), by customer segment and by family.
// A line belongs to the month its customer asked for it.

import { addPeriods, type PeriodKey } from "@fulcrum/domain";
import { type OrderLine, orderService } from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { closedWindow } from "../workspace/closed-months";
import type { WorkspaceService } from "../workspace/workspace-service";

export class OrderServiceKpis {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
  ) {}

  async orderService(request: { readonly from?: string; readonly to?: string } = {}) {
    const company = await this.workspace.company();
    const { from, to } = closedWindow(company, request);
    const { rows } = await sql<{
      period: PeriodKey;
      segment: string;
      family: string | null;
      requested: number;
      delivered: number;
      cancelled: number;
      onTime: boolean;
    }>`
      SELECT to_char(h.requested_date, 'YYYY-MM') AS period, c.segment, i.group_code AS family,
             h.requested_qty AS requested, h.delivered_qty AS delivered, h.cancelled_qty AS cancelled,
             coalesce(h.delivered_date <= h.requested_date, false) AS "onTime"
      FROM sales_history h JOIN customers c ON c.code = h.customer JOIN items i ON i.sku = h.sku
      WHERE h.requested_date >= ${`${from}-01`}::date AND h.requested_date < ${`${addPeriods(to, 1)}-01`}::date
      ORDER BY 1`.execute(this.database.db);
    const lines = (key: (r: (typeof rows)[number]) => string): OrderLine[] =>
      rows.map((r) => ({
        key: key(r),
        requested: r.requested,
        delivered: r.delivered,
        cancelled: r.cancelled,
        onTime: r.onTime,
      }));
    return {
      from,
      to,
      total: orderService(lines(() => "all"))[0] ?? null,
      byMonth: orderService(lines((r) => r.period)),
      bySegment: orderService(lines((r) => r.segment)).sort((a, b) => a.key.localeCompare(b.key)),
      byFamily: orderService(lines((r) => r.family ?? "(none)")).sort(
        (a, b) => (a.unitFillRate ?? 2) - (b.unitFillRate ?? 2),
      ),
    };
  }
}

export type OrderServiceReport = Awaited<ReturnType<OrderServiceKpis["orderService"]>>;
