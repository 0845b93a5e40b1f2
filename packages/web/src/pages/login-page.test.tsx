import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderAt, stubApi } from "../testing/render";
import { LoginPage } from "./login-page";

const DEMO = {
  demo: true,
  users: [
    { username: "dana", password: "dana-demo", displayName: "Dana Planner", role: "demand_planner" },
    { username: "eve", password: "eve-demo", displayName: "Eve Executive", role: "executive" },
  ],
};

describe("LoginPage", () => {
  it("lists the demo users with their roles and fills the form when one is chosen", async () => {
    stubApi({
      "GET /api/auth/me": { status: 401, body: { error: { code: "unauthorized", message: "no session" } } },
      "GET /api/auth/demo-users": DEMO,
    });
    renderAt(<LoginPage />, { path: "/login", route: "/login" });
    const dana = await screen.findByTestId("demo-user-dana");
    expect(dana.textContent).toContain("Demand planner");
    expect(dana.textContent).toContain("Dana Planner");
    expect(screen.getByTestId("demo-user-eve").textContent).toContain("Executive");
    fireEvent.click(dana);
    expect((screen.getByTestId("login-username") as HTMLInputElement).value).toBe("dana");
    expect((screen.getByTestId("login-password") as HTMLInputElement).value).toBe("dana-demo");
  });

  it("hides the list outside demo mode", async () => {
    const fetchMock = stubApi({
      "GET /api/auth/me": { status: 401, body: { error: { code: "unauthorized", message: "no session" } } },
      "GET /api/auth/demo-users": { demo: false, users: [] },
    });
    renderAt(<LoginPage />, { path: "/login", route: "/login" });
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(screen.queryByTestId("demo-users")).toBeNull();
    expect(screen.getByTestId("login-form")).toBeTruthy();
  });

  it("shows a clear error on wrong credentials", async () => {
    stubApi({
      "GET /api/auth/me": { status: 401, body: { error: { code: "unauthorized", message: "no session" } } },
      "GET /api/auth/demo-users": DEMO,
      "POST /api/auth/login": {
        status: 401,
        body: { error: { code: "unauthorized", message: "bad credentials" } },
      },
    });
    renderAt(<LoginPage />, { path: "/login", route: "/login" });
    fireEvent.change(screen.getByTestId("login-username"), { target: { value: "dana" } });
    fireEvent.change(screen.getByTestId("login-password"), { target: { value: "wrong" } });
    fireEvent.click(screen.getByTestId("login-submit"));
    expect((await screen.findByTestId("login-error")).textContent).toBe("Wrong username or password.");
  });

  it("signs in and leaves for the page the user came from", async () => {
    stubApi({
      "GET /api/auth/me": { status: 401, body: { error: { code: "unauthorized", message: "no session" } } },
      "GET /api/auth/demo-users": DEMO,
      "POST /api/auth/login": {
        user: { username: "dana", displayName: "Dana Planner", role: "demand_planner" },
      },
    });
    renderAt(<LoginPage />, { path: "/login", route: "/login" });
    fireEvent.click(await screen.findByTestId("demo-user-dana"));
    fireEvent.click(screen.getByTestId("login-submit"));
    expect(await screen.findByTestId("elsewhere")).toBeTruthy();
  });
});
