// In-process API tests on a fresh database with a small demo company: the server app, the
// application behind it, and a sign-in for any demo user (password `<username>-demo`).

import { createFulcrum, type Fulcrum } from "@fulcrum/app";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { createServerApp } from "../app";

export interface DemoServer {
  readonly database: Database;
  readonly fulcrum: Fulcrum;
  readonly app: ReturnType<typeof createServerApp>;
  /** Signs a demo user in; resolves with the session cookie to send. */
  readonly login: (username: string) => Promise<string>;
  /** GET, or POST with a JSON body, as the cookie's user. */
  readonly send: (cookie: string, path: string, body?: object) => Promise<Response>;
  readonly close: () => Promise<void>;
}

export async function openDemoServer(
  demo: { skuCount: number; seed: number } = { skuCount: 10, seed: 5 },
): Promise<DemoServer> {
  const database = await createTestDatabase();
  const fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.loadDemo({ ...demo, asOf: "2026-11-22" });
  const app = createServerApp(fulcrum);
  const login = async (username: string) => {
    const response = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password: `${username}-demo` }),
    });
    if (response.status !== 200) throw new Error(`${username} could not sign in: ${response.status}`);
    return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  };
  const send = async (cookie: string, path: string, body?: object) =>
    app.request(path, {
      method: body ? "POST" : "GET",
      headers: { cookie, "Content-Type": "application/json" },
      body: body && JSON.stringify(body),
    });
  return { database, fulcrum, app, login, send, close: () => database.close() };
}
