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

  it("gives a supplier user only the supplier portal, and never asks for the company's workspace", async () => {
    stubApi({ "GET /api/auth/me": EUROPET });
    const { router } = renderAt(<AppShell />, { path: "/", route: "/" });
    expect(await screen.findByTestId("elsewhere")).toBeTruthy();
    expect(router.state.location.pathname).toBe("/supplier");
  });

  it("shows a supplier user one navigation entry", async () => {
    const fetchMock = stubApi({ "GET /api/auth/me": EUROPET });
    renderAt(<AppShell />, { path: "/supplier", route: "/supplier" });
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect([...nav.querySelectorAll("a")].map((a) => a.textContent)).toEqual(["Supplier portal"]);
    expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContain("/api/workspace");
  });
});

const EUROPET = { user: { username: "europet", displayName: "EuroPET Bottles", role: "supplier" } };
