// Local accounts and sessions. The session token lives only in the user's cookie; the database
// keeps its SHA-256, so a leaked database backup cannot be replayed as a login.

import { createHash, randomBytes } from "node:crypto";
import { isRole, type Role } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { AppError } from "../errors";
import { generatePassword, hashPassword, verifyPassword } from "./passwords";

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** The supplier a user of the supplier role speaks for; null for every other role. */
  readonly supplierCode: string | null;
}

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
  readonly supplierCode: string | null;
}

const SESSION_DAYS = 7;

/**
 * One demo user per S&OP role, and the demo's main bottle supplier (EuroPET, SUP-03) for the
 * supplier portal; their passwords are public by design and shown on the login page.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: "dana", displayName: "Dana Demand", role: "demand_planner" },
  { username: "sam", displayName: "Sam Sales", role: "sales" },
  { username: "mia", displayName: "Mia Marketing", role: "marketing" },
  { username: "sol", displayName: "Sol Supply", role: "supply_planner" },
  { username: "fin", displayName: "Finn Finance", role: "finance" },
  { username: "eve", displayName: "Eve Executive", role: "executive" },
  { username: "ada", displayName: "Ada Admin", role: "admin" },
  { username: "europet", displayName: "EuroPET Bottles", role: "supplier", supplierCode: "SUP-03" },
].map((u) => ({
  ...u,
  role: u.role as Role,
  supplierCode: ("supplierCode" in u && u.supplierCode) || null,
  password: `${u.username}-demo`,
}));

export class AuthService {
  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
  ) {}

  async createUser(input: {
    username: string;
    displayName: string;
    role: Role;
    password: string;
    /** Required for the supplier role, refused for every other. */
    supplierCode?: string | null;
  }): Promise<User> {
    const supplierCode = input.supplierCode ?? null;
    if ((input.role === "supplier") !== (supplierCode !== null))
      throw new AppError(
        "bad_request",
        input.role === "supplier"
          ? "a supplier user names the supplier it speaks for"
          : "only a supplier user names a supplier",
      );
    if (supplierCode !== null) {
      const known = await sql`SELECT 1 FROM suppliers WHERE code = ${supplierCode}`.execute(this.database.db);
      if (known.rows.length === 0) throw new AppError("bad_request", `unknown supplier ${supplierCode}`);
    }
    if (!/^[a-z0-9._-]{2,32}$/.test(input.username)) {
      throw new AppError(
        "bad_request",
        "a username is 2–32 lower-case letters, digits, dots, dashes or underscores",
      );
    }
    if (input.password.length < 8) throw new AppError("bad_request", "a password has at least 8 characters");
    const exists = await this.database.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", input.username)
      .executeTakeFirst();
    if (exists) throw new AppError("conflict", `user ${input.username} exists`);
    const row = await this.database.db
      .insertInto("users")
      .values({
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        supplier_code: supplierCode,
        password_hash: await hashPassword(input.password),
      })
      .returning(["id", "username", "display_name", "role", "supplier_code"])
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  /** Creates the first administrator when there is no user yet; returns its one-time password. */
  async ensureAdmin(): Promise<{ username: string; password: string } | null> {
    const any = await this.database.db.selectFrom("users").select("id").limit(1).executeTakeFirst();
    if (any) return null;
    const password = generatePassword();
    await this.createUser({ username: "admin", displayName: "Administrator", role: "admin", password });
    return { username: "admin", password };
  }

  async createDemoUsers(): Promise<void> {
    for (const u of DEMO_USERS) {
      const exists = await this.database.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", u.username)
        .executeTakeFirst();
      if (!exists) await this.createUser(u);
    }
  }

  /** Checks the credentials and opens a session; returns the token for the cookie. */
  async login(username: string, password: string): Promise<{ token: string; user: User; expiresAt: Date }> {
    const row = await this.database.db
      .selectFrom("users")
      .select(["id", "username", "display_name", "role", "supplier_code", "password_hash", "disabled"])
      .where("username", "=", username.trim().toLowerCase())
      .executeTakeFirst();
    // Verify against a dummy hash when the user is unknown so both paths take the same time.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok || row.disabled) throw new AppError("unauthorized", "wrong username or password");
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(this.now().getTime() + SESSION_DAYS * 86_400_000);
    await this.database.db
      .insertInto("sessions")
      .values({ token_hash: digest(token), user_id: row.id, expires_at: expiresAt })
      .execute();
    return { token, user: toUser(row), expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.database.db.deleteFrom("sessions").where("token_hash", "=", digest(token)).execute();
  }

  /** The user a session token belongs to, or null when it is unknown or expired. */
  async sessionUser(token: string | undefined): Promise<User | null> {
    if (!token) return null;
    const row = await this.database.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select(["users.id", "users.username", "users.display_name", "users.role", "users.supplier_code"])
      .where("sessions.token_hash", "=", digest(token))
      .where("sessions.expires_at", ">", this.now())
      .where("users.disabled", "=", false)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** An enabled user by username, or null (for services and tools acting as a named person). */
  async userNamed(username: string): Promise<User | null> {
    const row = await this.database.db
      .selectFrom("users")
      .select(["id", "username", "display_name", "role", "supplier_code"])
      .where("username", "=", username)
      .where("disabled", "=", false)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async changePassword(user: User, current: string, next: string): Promise<void> {
    const row = await this.database.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(current, row.password_hash)))
      throw new AppError("unauthorized", "the current password is wrong");
    if (next.length < 8) throw new AppError("bad_request", "a password has at least 8 characters");
    await this.database.db
      .updateTable("users")
      .set({ password_hash: await hashPassword(next) })
      .where("id", "=", user.id)
      .execute();
    await this.database.db.deleteFrom("sessions").where("user_id", "=", user.id).execute();
  }
}

// A valid scrypt hash of a random password nobody knows.
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

function digest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function toUser(row: {
  id: number;
  username: string;
  display_name: string;
  role: string;
  supplier_code: string | null;
}): User {
  if (!isRole(row.role)) throw new Error(`user ${row.username} has unknown role ${row.role}`);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    supplierCode: row.supplier_code,
  };
}
