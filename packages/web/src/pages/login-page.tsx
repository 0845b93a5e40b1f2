// Sign-in. In demo mode it lists the demo company's users (one per S&OP role) and clicking one
// fills the form, so a visitor can try each role's view without reading a README.

import { ROLE_LABELS } from "@fulcrum/domain";
import { type FormEvent, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiError } from "../api/api-error";
import { useDemoUsers, useLogin, useMe } from "../api/queries";
import type { DemoUser } from "../api/types";

export function LoginPage() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const login = useLogin();
  const demo = useDemoUsers();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const from = (location.state as { from?: string } | null)?.from ?? "/";

  if (me.data) return <Navigate to={from} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { username: username.trim(), password },
      { onSuccess: () => navigate(from, { replace: true }) },
    );
  };
  const choose = (user: DemoUser) => {
    setUsername(user.username);
    setPassword(user.password);
    login.reset();
  };

  return (
    <div className="login-page">
      <div className="login-card">
        <div className="login-brand">
          <svg viewBox="0 0 16 16" className="brand-mark" aria-hidden="true">
            <path d="M2 13h12L8 3z" fill="currentColor" />
          </svg>
          <div>
            <div className="login-name">Fulcrum</div>
            <div className="login-tagline">Sales &amp; Operations Planning</div>
          </div>
        </div>
        <form className="login-form" onSubmit={submit} data-testid="login-form" noValidate>
          <h1 className="login-title">Sign in</h1>
          <label className="field">
            <span className="field-label">Username</span>
            <input
              className="input"
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="login-username"
              required
            />
          </label>
          <label className="field">
            <span className="field-label">Password</span>
            <input
              className="input"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="login-password"
              required
            />
          </label>
          {login.isError ? (
            <div className="alert alert-danger" role="alert" data-testid="login-error">
              {loginErrorText(login.error)}
            </div>
          ) : null}
          <button
            type="submit"
            className="button button-primary button-block"
            disabled={login.isPending || !username.trim() || !password}
            data-testid="login-submit"
          >
            {login.isPending ? "Signing in…" : "Sign in"}
          </button>
        </form>
        {demo.data?.demo && demo.data.users.length > 0 ? (
          <section className="demo-users" aria-labelledby="demo-users-title" data-testid="demo-users">
            <h2 id="demo-users-title" className="demo-title">
              Demo users
            </h2>
            <p className="demo-hint">
              This instance runs the demo company. Choose a role to fill in the form.
            </p>
            <ul className="demo-list">
              {demo.data.users.map((user) => (
                <li key={user.username}>
                  <button
                    type="button"
                    className={user.username === username ? "demo-user demo-user-chosen" : "demo-user"}
                    onClick={() => choose(user)}
                    data-testid={`demo-user-${user.username}`}
                    data-role={user.role}
                  >
                    <span className="demo-role">{ROLE_LABELS[user.role] ?? user.role}</span>
                    <span className="demo-name">{user.displayName}</span>
                    <span className="demo-username code">{user.username}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}

function loginErrorText(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return "Wrong username or password.";
  if (error instanceof ApiError && error.code === "network")
    return "Cannot reach the Fulcrum server. Is it running?";
  return error instanceof Error ? error.message : String(error);
}
