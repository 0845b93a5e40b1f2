// The HTTP server: the JSON API under /api with its OpenAPI description, and the built web app.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Fulcrum, JobQueue } from "@fulcrum/app";
import { AppError } from "@fulcrum/app";
import { serveStatic } from "@hono/node-server/serve-static";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerEnv } from "./env";
import { errorResponse } from "./errors";
import { accuracyRoutes } from "./routes/accuracy";
import { authRoutes } from "./routes/auth";
import { commentRoutes } from "./routes/comments";
import { cycleRoutes } from "./routes/cycle";
import { demandRoutes } from "./routes/demand";
import { demandAnalysisRoutes } from "./routes/demand-analysis";
import { demandExceptionRoutes } from "./routes/demand-exceptions";
import { entityRoutes } from "./routes/entities";
import { forecastRoutes } from "./routes/forecasts";
import { hierarchyRoutes } from "./routes/hierarchy";
import { importRoutes } from "./routes/imports";
import { monitoringRoutes } from "./routes/monitoring";
import { monitoringExceptionRoutes } from "./routes/monitoring-exceptions";
import { planRoutes } from "./routes/plans";
import { promisingRoutes } from "./routes/promising";
import { promotionRoutes } from "./routes/promotions";
import { revenuePlanRoutes } from "./routes/revenue-plan";
import { scenarioRoutes } from "./routes/scenarios";
import { scorecardRoutes } from "./routes/scorecard";
import { segmentationRoutes } from "./routes/segmentation";
import { sensingRoutes } from "./routes/sensing";
import { supplierPortalRoutes, supplierResponseRoutes } from "./routes/suppliers";
import { supplyRoutes } from "./routes/supply";
import { supplyInputRoutes } from "./routes/supply-inputs";
import { workspaceRoutes } from "./routes/workspace";
import { requireSupplier, requireUser } from "./session";

export interface ServerOptions {
  /** The built web app (packages/web/dist); when absent only the API is served. */
  readonly webDir?: string;
  /** The job queue long runs go to; without it those endpoints answer 503. */
  readonly jobs?: JobQueue;
}

export function createServerApp(fulcrum: Fulcrum, options: ServerOptions = {}) {
  const api = new OpenAPIHono<ServerEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new AppError(
          "bad_request",
          issue ? `${issue.path.join(".") || "request"}: ${issue.message}` : "invalid request",
        );
      }
    },
  });
  api.use("*", async (c, next) => {
    c.set("fulcrum", fulcrum);
    c.set("jobs", options.jobs);
    await next();
  });
  api.get("/health", (c) => c.json({ status: "ok", database: fulcrum.database.kind }));
  api.route("/auth", authRoutes);
  api.use("/workspace", requireUser);
  api.use("/imports", requireUser);
  api.use("/entities/*", requireUser);
  api.use("/entities", requireUser);
  api.use("/hierarchy/*", requireUser);
  api.use("/plans/*", requireUser);
  api.use("/forecasts", requireUser);
  api.use("/forecasts/*", requireUser);
  api.use("/supply/*", requireUser);
  api.use("/monitoring/*", requireUser);
  api.use("/demand/*", requireUser);
  api.use("/comments", requireUser);
  api.use("/inbox", requireUser);
  api.use("/inbox/*", requireUser);
  api.use("/cycle", requireUser);
  api.use("/cycle/*", requireUser);
  api.use("/decisions", requireUser);
  api.use("/decisions/*", requireUser);
  api.use("/scenarios", requireUser);
  api.use("/scenarios/*", requireUser);
  api.use("/commitments", requireUser);
  api.use("/commitments/*", requireUser);
  api.use("/promising/*", requireUser);
  // The supplier portal: the only routes (besides auth) a supplier user reaches.
  api.use("/supplier/*", requireSupplier);
  api.route("/", workspaceRoutes);
  api.route("/", importRoutes);
  api.route("/", entityRoutes);
  api.route("/", hierarchyRoutes);
  api.route("/", planRoutes);
  api.route("/", demandRoutes);
  api.route("/", promotionRoutes);
  api.route("/", forecastRoutes);
  api.route("/", supplyRoutes);
  api.route("/", supplyInputRoutes);
  api.route("/", monitoringRoutes);
  api.route("/", monitoringExceptionRoutes);
  api.route("/", scorecardRoutes);
  api.route("/", accuracyRoutes);
  api.route("/", demandExceptionRoutes);
  api.route("/", segmentationRoutes);
  api.route("/", demandAnalysisRoutes);
  api.route("/", sensingRoutes);
  api.route("/", revenuePlanRoutes);
  api.route("/", commentRoutes);
  api.route("/", cycleRoutes);
  api.route("/", scenarioRoutes);
  api.route("/", promisingRoutes);
  api.route("/", supplierResponseRoutes);
  api.route("/", supplierPortalRoutes);
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    servers: [{ url: "/api" }],
    info: {
      title: "Fulcrum API",
      version: "1",
      description:
        "Sales & Operations Planning: data, demand, supply, alignment, executive S&OP, monitoring.",
    },
  });
  api.notFound((c) =>
    c.json({ error: { code: "not_found", message: `no API route ${c.req.method} ${c.req.path}` } }, 404),
  );
  api.onError(errorResponse);

  const app = new OpenAPIHono();
  app.route("/api", api);
  app.all("/api/*", (c) =>
    c.json({ error: { code: "not_found", message: `no API route ${c.req.method} ${c.req.path}` } }, 404),
  );
  const webDir = options.webDir;
  if (webDir) {
    app.use("/assets/*", serveStatic({ root: webDir }));
    app.get("/assets/*", (c) => c.text("not found", 404));
    app.use("*", serveStatic({ root: webDir }));
    // Client-side routes (/data/items, /demand/hierarchy…) all load the app shell, read per
    // request so a rebuilt web app is served without a restart.
    app.get("*", (c) => {
      const index = join(webDir, "index.html");
      return existsSync(index)
        ? c.html(readFileSync(index, "utf8"))
        : c.text("The web app is not built: run npm run build.", 404);
    });
  }
  return app;
}
