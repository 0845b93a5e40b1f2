import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { UNAUTHORIZED } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { AppShell } from "./app-shell";

describe("AppShell", () => {
  it("sends a visitor without a session to the login page", async () => {
    stubApi({ "GET /api/auth/me": UNAUTHORIZED });
    const { router } = renderAt(<AppShell />, { path: "/", route: "/" });
    expect(await screen.findByTestId("elsewhere")).toBeTruthy();
    expect(router.state.location.pathname).toBe("/login");
  });
});
