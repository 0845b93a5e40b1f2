// Browser-test setup: builds the web app if needed, starts Fulcrum with the demo company (see
// fulcrum-server.ts), and hands the tests its URL.

import type { TestProject } from "vitest/node";
import { buildWebApp, startFulcrum } from "./fulcrum-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildWebApp();
  const fulcrum = await startFulcrum();
  project.provide("baseUrl", fulcrum.url);
  return fulcrum.stop;
}
