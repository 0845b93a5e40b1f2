// The route table: the login page outside the shell, every stage and tool inside it.

import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { createBrowserRouter, type RouteObject, RouterProvider } from "react-router";
import { createQueryClient } from "./api/query-client";
import { AppShell } from "./components/app-shell";
import { Loading } from "./components/query-state";
import { EntityBrowserPage } from "./pages/entity-browser-page";
import { ImportPage } from "./pages/import-page";
import { InboxPage } from "./pages/inbox-page";
import { LoginPage } from "./pages/login-page";
import { MonitorPage } from "./pages/monitor-page";
import { MonitoringExceptionsPage } from "./pages/monitoring-exceptions-page";
import { NotFoundPage } from "./pages/not-found-page";
import { OverviewPage } from "./pages/overview-page";
import { PerformanceReportPage } from "./pages/performance-report-page";
import { PromisingPage } from "./pages/promising-page";
import { ScorecardPage } from "./pages/scorecard-page";
import { StagePage } from "./pages/stage-page";

// ECharts is most of the bundle's weight and only some pages draw charts: load those pages on demand.
const HierarchyPage = lazy(async () => ({ default: (await import("./pages/hierarchy-page")).HierarchyPage }));
const ForecastAccuracyPage = lazy(async () => ({
  default: (await import("./pages/forecast-accuracy-page")).ForecastAccuracyPage,
}));
const SegmentationPage = lazy(async () => ({
  default: (await import("./pages/segmentation-page")).SegmentationPage,
}));
const ForecastPage = lazy(async () => ({ default: (await import("./pages/forecast-page")).ForecastPage }));
const SupplyReviewPage = lazy(async () => ({
  default: (await import("./pages/supply-review-page")).SupplyReviewPage,
}));
const SupplierPortalPage = lazy(async () => ({
  default: (await import("./pages/supplier-portal-page")).SupplierPortalPage,
}));
const DemandAnalysisPage = lazy(async () => ({
  default: (await import("./pages/demand-analysis-page")).DemandAnalysisPage,
}));
const DemandReviewPage = lazy(async () => ({
  default: (await import("./pages/demand-review-page")).DemandReviewPage,
}));
const ScenariosPage = lazy(async () => ({ default: (await import("./pages/scenarios-page")).ScenariosPage }));
const AlignmentPage = lazy(async () => ({ default: (await import("./pages/alignment-page")).AlignmentPage }));
const ExecutivePage = lazy(async () => ({ default: (await import("./pages/executive-page")).ExecutivePage }));
const ExecutivePackPage = lazy(async () => ({
  default: (await import("./pages/executive-pack-page")).ExecutivePackPage,
}));

export const routes: RouteObject[] = [
  { path: "/login", element: <LoginPage /> },
  {
    element: <AppShell />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: "data", element: <StagePage stageId="data" /> },
      { path: "data/import", element: <ImportPage /> },
      { path: "data/:entity", element: <EntityBrowserPage /> },
      { path: "demand", element: <StagePage stageId="demand" /> },
      {
        path: "demand/hierarchy",
        element: (
          <Suspense fallback={<Loading />}>
            <HierarchyPage />
          </Suspense>
        ),
      },
      {
        path: "demand/forecast",
        element: (
          <Suspense fallback={<Loading />}>
            <ForecastPage />
          </Suspense>
        ),
      },
      {
        path: "demand/segmentation",
        element: (
          <Suspense fallback={<Loading />}>
            <SegmentationPage />
          </Suspense>
        ),
      },
      {
        path: "demand/analysis",
        element: (
          <Suspense fallback={<Loading />}>
            <DemandAnalysisPage />
          </Suspense>
        ),
      },
      {
        path: "demand/accuracy",
        element: (
          <Suspense fallback={<Loading />}>
            <ForecastAccuracyPage />
          </Suspense>
        ),
      },
      {
        path: "demand/review",
        element: (
          <Suspense fallback={<Loading />}>
            <DemandReviewPage />
          </Suspense>
        ),
      },
      { path: "supply", element: <StagePage stageId="supply" /> },
      {
        path: "supply/review",
        element: (
          <Suspense fallback={<Loading />}>
            <SupplyReviewPage />
          </Suspense>
        ),
      },
      {
        path: "supplier",
        element: (
          <Suspense fallback={<Loading />}>
            <SupplierPortalPage />
          </Suspense>
        ),
      },
      { path: "alignment", element: <StagePage stageId="alignment" /> },
      {
        path: "alignment/scenarios",
        element: (
          <Suspense fallback={<Loading />}>
            <ScenariosPage />
          </Suspense>
        ),
      },
      {
        path: "alignment/gap",
        element: (
          <Suspense fallback={<Loading />}>
            <AlignmentPage />
          </Suspense>
        ),
      },
      {
        path: "executive",
        element: (
          <Suspense fallback={<Loading />}>
            <ExecutivePage />
          </Suspense>
        ),
      },
      {
        path: "executive/pack/:id",
        element: (
          <Suspense fallback={<Loading />}>
            <ExecutivePackPage />
          </Suspense>
        ),
      },
      { path: "monitor", element: <MonitorPage /> },
      { path: "monitor/promising", element: <PromisingPage /> },
      { path: "monitor/exceptions", element: <MonitoringExceptionsPage /> },
      { path: "monitor/scorecard", element: <ScorecardPage /> },
      { path: "monitor/report", element: <PerformanceReportPage /> },
      { path: "inbox", element: <InboxPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

export function App() {
  // One client and router per mounted app, not per module, so tests can mount fresh ones.
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
