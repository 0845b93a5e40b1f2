// Shown for any address the app does not know.

import { Link } from "react-router";
import { PageHeader } from "../components/page-header";

export function NotFoundPage() {
  return (
    <div className="page">
      <PageHeader title="Page not found" description="There is nothing at this address." />
      <Link to="/">Back to the cycle overview</Link>
    </div>
  );
}
