// The signed-in frame: left navigation, top bar and the routed page. It also guards the routes:
// without a session it sends the user to the login page, remembering where they were going; a
// supplier user gets a frame of its own with the supplier portal as its only page (the API
// refuses it everything else, so the company's screens would only show errors).

import { Navigate, Outlet, useLocation } from "react-router";
import { useLogout, useMe, useWorkspace } from "../api/queries";
import type { User } from "../api/types";
import { ErrorMessage, Loading } from "./query-state";
import { SideNav } from "./side-nav";
import { TopBar } from "./top-bar";

export function AppShell() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <Loading label="Checking your session…" />;
  if (me.isError) {
    return (
      <div className="center-page">
        <ErrorMessage error={me.error} title="Fulcrum is not reachable" />
      </div>
    );
  }
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.data.role === "supplier") return <SupplierFrame user={me.data} />;
  return <SignedIn user={me.data} />;
}

export const SUPPLIER_HOME = "/supplier";

function SupplierFrame({ user }: { user: User }) {
  const location = useLocation();
  const logout = useLogout();
  if (location.pathname !== SUPPLIER_HOME) return <Navigate to={SUPPLIER_HOME} replace />;
  return (
    <div className="shell">
      <SideNav currentStage={null} supplier />
      <div className="shell-main">
        <TopBar
          workspace={undefined}
          context="Supplier portal"
          user={user}
          onSignOut={() => logout.mutate()}
          signingOut={logout.isPending}
        />
        <main className="content" id="content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}

// Split out so workspace data is only requested with a session.
function SignedIn({ user }: { user: User }) {
  const workspace = useWorkspace();
  const logout = useLogout();
  return (
    <div className="shell">
      <SideNav currentStage={workspace.data?.cycle.stage ?? null} />
      <div className="shell-main">
        <TopBar
          workspace={workspace.data}
          inbox
          user={user}
          onSignOut={() => logout.mutate()}
          signingOut={logout.isPending}
        />
        <main className="content" id="content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
