import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFulcrum, type Fulcrum } from "../fulcrum";

let database: Database;
let fulcrum: Fulcrum;
let clock = new Date("2026-11-22T09:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => clock });
});
afterAll(() => database.close());

describe("accounts and sessions", () => {
  it("creates the first administrator once, with a one-time password that logs in", async () => {
    const admin = await fulcrum.auth.ensureAdmin();
    expect(admin?.username).toBe("admin");
    expect(await fulcrum.auth.ensureAdmin()).toBeNull();
    const session = await fulcrum.auth.login("admin", admin!.password);
    expect(session.user.role).toBe("admin");
  });

  it("stores only a hash of the password and of the session token", async () => {
    await expect(fulcrum.auth.login("admin", "wrong password")).rejects.toThrow("wrong username or password");
    await expect(fulcrum.auth.login("nobody", "wrong password")).rejects.toThrow(
      "wrong username or password",
    );
    await fulcrum.auth.createUser({
      username: "fin",
      displayName: "Finn",
      role: "finance",
      password: "correct horse",
    });
    const { token } = await fulcrum.auth.login("fin", "correct horse");
    const stored = await database.pool.query(
      "SELECT u.password_hash, s.token_hash FROM users u JOIN sessions s ON s.user_id = u.id WHERE u.username = 'fin'",
    );
    expect(stored.rows[0].password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored.rows[0].password_hash).not.toContain("correct horse");
    expect(stored.rows[0].token_hash).not.toBe(token);
    expect((await fulcrum.auth.sessionUser(token))?.username).toBe("fin");
  });

  it("expires sessions after seven days and ends them on logout", async () => {
    const { token } = await fulcrum.auth.login("fin", "correct horse");
    clock = new Date("2026-11-29T09:00:01Z");
    expect(await fulcrum.auth.sessionUser(token)).toBeNull();
    clock = new Date("2026-11-22T10:00:00Z");
    const fresh = await fulcrum.auth.login("fin", "correct horse");
    await fulcrum.auth.logout(fresh.token);
    expect(await fulcrum.auth.sessionUser(fresh.token)).toBeNull();
  });

  it("rejects weak passwords, malformed usernames and duplicates", async () => {
    await expect(
      fulcrum.auth.createUser({ username: "x", displayName: "X", role: "sales", password: "long enough" }),
    ).rejects.toThrow(/username/);
    await expect(
      fulcrum.auth.createUser({ username: "sam", displayName: "Sam", role: "sales", password: "short" }),
    ).rejects.toThrow(/8 characters/);
    await expect(
      fulcrum.auth.createUser({
        username: "fin",
        displayName: "Fin",
        role: "sales",
        password: "long enough",
      }),
    ).rejects.toThrow(/exists/);
  });

  it("finds an enabled user by username, and no one for an unknown or disabled name", async () => {
    const una = await fulcrum.auth.createUser({
      username: "una",
      displayName: "Una Named",
      role: "finance",
      password: "una-password",
    });
    expect(await fulcrum.auth.userNamed("una")).toEqual(una);
    expect(await fulcrum.auth.userNamed("nobody")).toBeNull();
    await database.pool.query("UPDATE users SET disabled = true WHERE username = 'una'");
    expect(await fulcrum.auth.userNamed("una")).toBeNull();
  });
});
