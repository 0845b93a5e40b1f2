// One way to call the API: same-origin fetch with the session cookie, JSON in and out, and every
// failure turned into an ApiError.

import { ApiError, errorFromResponse } from "./api-error";

export type Query = Readonly<Record<string, string | number | null | undefined>>;

/** Builds `/api/...?a=1` leaving out empty parameters, so URLs stay short and cacheable. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `/api${path}?${qs}` : `/api${path}`;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy or a crashed server can answer with HTML; keep the start of it for the message.
    return { error: { message: text.slice(0, 200) } };
  }
}

/**
 * Sends a request and decodes the JSON answer. Resolves only for 2xx; throws ApiError otherwise,
 * with status 0 and code `network` when the server could not be reached.
 */
export async function request<T>(path: string, init: RequestInit & { query?: Query } = {}): Promise<T> {
  const { query, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (!headers.has("accept")) headers.set("accept", "application/json");
  if (typeof rest.body === "string" && !headers.has("content-type")) {
    headers.set("content-type", "application/json");
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), { credentials: "same-origin", ...rest, headers });
  } catch (cause) {
    throw new ApiError(0, "network", `Cannot reach the Fulcrum server (${String(cause)})`);
  }
  const body = await readBody(response);
  if (!response.ok) throw errorFromResponse(response.status, body);
  return body as T;
}
