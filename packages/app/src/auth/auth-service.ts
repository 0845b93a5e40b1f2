// Local accounts and sessions. The session token lives only in the user's cookie; the database
// keeps its SHA-256, so a leaked database backup cannot be replayed as a login.

import { createHash, randomBytes } from "node:crypto";
import { isRole, type Role } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { AppError } from "../errors";
import { generatePassword, hashPassword, verifyPassword } from "./passwords";

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
}

const SESSION_DAYS = 7;

/** One demo user per S&OP role; their passwords are public by design and shown on the login page. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: "dana", displayName: "Dana Demand", role: "demand_planner" },
  { username: "sam", displayName: "Sam Sales", role: "sales" },
  { username: "mia", displayName: "Mia Marketing", role: "marketing" },
  { username: "sol", displayName: "Sol Supply", role: "supply_planner" },
  { username: "fin", displayName: "Finn Finance", role: "finance" },
  { username: "eve", displayName: "Eve Executive", role: "executive" },
  { username: "ada", displayName: "Ada Admin", role: "admin" },
].map((u) => ({ ...u, role: u.role as Role, password: `${u.username}-demo` }));

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
  }): Promise<User> {
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
        password_hash: await hashPassword(input.password),
      })
      .returning(["id", "username", "display_name", "role"])
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
      .select(["id", "username", "display_name", "role", "password_hash", "disabled"])
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
      .select(["users.id", "users.username", "users.display_name", "users.role"])
      .where("sessions.token_hash", "=", digest(token))
      .where("sessions.expires_at", ">", this.now())
      .where("users.disabled", "=", false)
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

function toUser(row: { id: number; username: string; display_name: string; role: string }): User {
  if (!isRole(row.role)) throw new Error(`user ${row.username} has unknown role ${row.role}`);
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}
