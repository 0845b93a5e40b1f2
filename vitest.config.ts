// Test projects: fast pure tests, the web app in a DOM, database tests on a real PostgreSQL, and
// browser tests in Debian's Chromium. Two workers at most: CI machines have two cores.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "**/*.e2e.test.ts", "packages/web/**", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "db",
          include: ["packages/*/src/**/*.db.test.ts"],
          globalSetup: ["packages/storage/src/testing/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: "packages/web/vite.config.ts",
        test: {
          name: "web",
          root: "packages/web",
          include: ["src/**/*.test.tsx", "src/**/*.test.ts"],
          environment: "happy-dom",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["packages/*/src/**/*.e2e.test.ts", "e2e/**/*.e2e.test.ts"],
          globalSetup: ["e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
