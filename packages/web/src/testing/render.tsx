// Test helpers: mount a screen with a fresh query client and an in-memory router, and stub the
// API with a table of canned JSON answers keyed by "METHOD /api/path".

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render } from "@testing-library/react";
import type { ReactElement } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, vi } from "vitest";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

export function renderAt(element: ReactElement, { path = "/", route = "/" } = {}) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(
    [
      { path, element },
      { path: "*", element: <div data-testid="elsewhere" /> },
    ],
    { initialEntries: [route] },
  );
  return {
    client,
    router,
    ...render(
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
  };
}

export type CannedAnswer = unknown | { status: number; body: unknown };

/**
 * Replaces fetch with a lookup in `answers` by "GET /api/x" (query string ignored unless a key
 * includes it). Unknown routes answer 404. Returns the mock so tests can inspect the calls.
 */
export function stubApi(answers: Record<string, CannedAnswer>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost");
    const method = (init?.method ?? "GET").toUpperCase();
    const answer = answers[`${method} ${url.pathname}${url.search}`] ?? answers[`${method} ${url.pathname}`];
    if (answer === undefined)
      return json(404, { error: { code: "not_found", message: `no stub for ${url}` } });
    if (typeof answer === "object" && answer !== null && "status" in answer && "body" in answer) {
      return json(answer.status as number, answer.body);
    }
    return json(200, answer);
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}
