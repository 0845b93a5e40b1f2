import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, openDemoServer } from "../testing/demo-server";

let server: DemoServer;
beforeAll(async () => {
  server = await openDemoServer();
});
afterAll(() => server.close());

const get = async (username: string, path: string) => server.send(await server.login(username), path);

describe("scorecard API", () => {
  it("answers the scorecard of the last twelve closed months, every KPI once, to any company role", async () => {
    const response = await get("sam", "/api/monitoring/scorecard");
    expect(response.status).toBe(200);
    const card = (await response.json()) as {
      from: string;
      to: string;
      months: { reason: string | null }[];
      kpis: { code: string; value: number | null; trend: unknown[]; definition: string }[];
    };
    expect(card).toMatchObject({ from: "2025-11", to: "2026-10" });
    expect(card.kpis).toHaveLength(19);
    // The demo loaded without cycles has no committed plans: every month says so.
    expect(card.months.every((m) => m.reason?.startsWith("no plan was committed"))).toBe(true);
    const otif = card.kpis.find((k) => k.code === "otif")!;
    expect(otif.value).toBeGreaterThan(0);
    expect(otif.value).toBeLessThanOrEqual(1);
    expect(otif.trend).toHaveLength(12);
    expect(card.kpis.find((k) => k.code === "supplier_delivery")!.value).toBeGreaterThan(0);
  });

  it("refuses a window longer than 24 months and an unknown filter", async () => {
    expect((await get("sam", "/api/monitoring/scorecard?from=2023-01")).status).toBe(400);
    expect((await get("sam", "/api/monitoring/scorecard?segment=NOPE")).status).toBe(400);
  });

  it("drills from a KPI to what drives it, largest contribution first", async () => {
    const response = await get("dana", "/api/monitoring/scorecard/otif/drill");
    expect(response.status).toBe(200);
    const drill = (await response.json()) as { rows: { kind: string; contribution: number }[] };
    expect(drill.rows.length).toBeGreaterThan(0);
    expect(drill.rows.every((r) => r.kind === "sku")).toBe(true);
    const contributions = drill.rows.map((r) => r.contribution);
    expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
    expect((await get("dana", "/api/monitoring/scorecard/happiness/drill")).status).toBe(400);
  });

  it("lets finance set a target, refuses sales, and reads the history back", async () => {
    const fin = await server.login("fin");
    const set = await server.send(fin, "/api/monitoring/targets", { kpi: "otif", target: 0.9, note: "FY27" });
    expect(set.status).toBe(201);
    expect(await set.json()).toMatchObject({ kpi: "otif", scope: "company", target: 0.9, note: "FY27" });
    const bad = await server.send(fin, "/api/monitoring/targets", {
      kpi: "otif",
      scope: "segment:NOPE",
      target: 1,
    });
    expect(bad.status).toBe(422);
    const sam = await server.login("sam");
    expect((await server.send(sam, "/api/monitoring/targets", { kpi: "otif", target: 0.5 })).status).toBe(
      403,
    );
    const read = (await (await server.send(sam, "/api/monitoring/targets?kpi=otif")).json()) as {
      catalogue: unknown[];
      targets: { target: number }[];
    };
    expect(read.catalogue).toHaveLength(19);
    expect(read.targets.map((t) => t.target)).toEqual([0.9]);
    const card = (await (await server.send(sam, "/api/monitoring/scorecard")).json()) as {
      kpis: { code: string; target: number; targetSource: string }[];
    };
    expect(card.kpis.find((k) => k.code === "otif")).toMatchObject({ target: 0.9, targetSource: "company" });
  });

  it("reports a closed month as JSON and as a workbook that reads back", async () => {
    const json = (await (await get("eve", "/api/monitoring/report?month=2026-10")).json()) as {
      kpis: { code: string; trend: unknown[] }[];
      exceptions: { title: string; valueAtStake: number }[];
      exceptionCount: number;
    };
    expect(json.kpis).toHaveLength(19);
    // The report lists the exception list of the months up to its own, largest value at stake first.
    const list = await server.fulcrum.monitoringExceptions.list({ to: "2026-10" });
    expect(json.exceptionCount).toBe(list.exceptions.length);
    expect(json.exceptions.map((e) => e.title)).toEqual(list.exceptions.slice(0, 10).map((e) => e.title));
    const values = json.exceptions.map((e) => e.valueAtStake);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const response = await get("eve", "/api/monitoring/report.xlsx?month=2026-10");
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Trends", "Exceptions"]);
    const card = book.getWorksheet("Scorecard")!;
    expect(card.getCell("A1").value).toBe("S&OP performance report 2026-10");
    const names = card.getColumn(2).values.filter((v) => typeof v === "string");
    expect(names).toContain("On time in full (OTIF)");
    const sheet = book.getWorksheet("Exceptions")!;
    expect(sheet.getCell("B2").value).toBe(json.exceptions[0]?.title ?? null);
    expect(sheet.getCell("A2").value).not.toBe("No exceptions recorded");
    expect((await get("eve", "/api/monitoring/report?month=2026-11")).status).toBe(400);
  });
});
