// The demo company generator's public surface.

export { BUNDLED_M1, DEFAULT_DEMO_OPTIONS, defaultDemoCompany } from "./default-demo-company";
export type { DemoCompany, DemoOptions, M1Series } from "./demo-options";
export { generateDemoCompany } from "./generate-demo-company";
