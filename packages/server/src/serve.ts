// Listens on a TCP port and resolves with the URL once the server accepts connections.

import { serve } from "@hono/node-server";
import type { createServerApp } from "./app";

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export function listen(
  app: ReturnType<typeof createServerApp>,
  port: number,
  host = "127.0.0.1",
): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      resolve({
        url: `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
