// Browser-test setup: builds the web app if needed, starts Fulcrum with the demo company (see
// fulcrum-server.ts), and hands the tests its URL.

import type { TestProject } from "vitest/node";
import { buildWebApp, startFulcrum } from "./fulcrum-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's database, for tests that need data no endpoint creates (a demand version). */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildWebApp();
  const fulcrum = await startFulcrum();
  project.provide("baseUrl", fulcrum.url);
  project.provide("databaseUrl", fulcrum.databaseUrl);
  return fulcrum.stop;
}
