// Demand analysis: for any brand, family or SKU (and one customer segment or all), the shape of its
// year (seasonal indices), its trend, where its demand comes from (segment, channel, region) and
// which SKUs or customers make a change — last year on the year before, or the plan on last year.

import { useState } from "react";
import { Link } from "react-router";
import { usePlanVersions } from "../api/demand";
import {
  type DemandAnalysis,
  type DriverComparison,
  type DriverLevel,
  type MixShare,
  useDemandAnalysis,
} from "../api/demand-analysis";
import { useEntityRows } from "../api/queries";
import { Breadcrumb } from "../components/breadcrumb";
import { HierarchyTreePanel, useHierarchySelection } from "../components/hierarchy-tree";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { SeasonalProfileChart } from "../components/seasonal-profile-chart";
import { Stat } from "../components/stat";
import { formatPeriod } from "../format/dates";
import { formatCount, formatPercentFigure, formatQuantity } from "../format/numbers";

const SEGMENT_QUERY = { search: "", offset: 0, limit: 100, sort: null, dir: "asc" } as const;
const signed = (v: number, digits = 0) => `${v > 0 ? "+" : ""}${formatQuantity(v, digits, digits)}`;
const range = (r: { from: string; to: string }) => `${formatPeriod(r.from)}–${formatPeriod(r.to)}`;

export function DemandAnalysisPage() {
  const { selection, select, crumbs } = useHierarchySelection();
  const [segment, setSegment] = useState<string | null>(null);
  const [by, setBy] = useState<DriverLevel>("sku");
  const [compare, setCompare] = useState<DriverComparison>("year-over-year");
  const segments = useEntityRows("segments", SEGMENT_QUERY);
  const versions = usePlanVersions();
  const demandVersions = (versions.data ?? []).filter(
    (v) => v.kind === "demand" && v.cyclePeriod !== null && !v.overlayOf,
  );
  const versionId = demandVersions.find((v) => v.status === "draft")?.id ?? demandVersions[0]?.id ?? null;
  const planned = compare === "plan-vs-last-year";
  const analysis = useDemandAnalysis({
    selection,
    // The plan has no customers or segments: it is compared SKU by SKU, for every segment.
    segment: planned ? null : segment,
    by: planned ? "sku" : by,
    compare,
    versionId,
  });
  return (
    <div className="page" data-testid="demand-analysis-page">
      <PageHeader
        eyebrow={<Link to="/demand">Demand</Link>}
        title="Demand analysis"
        description="Season, trend and mix of any brand, family or SKU, and the SKUs or customers behind a change."
      />
      <div className="explorer">
        <HierarchyTreePanel selection={selection} select={select} />
        <div className="explorer-main">
          <Breadcrumb crumbs={crumbs} testId="analysis-breadcrumb" />
          <div className="toolbar">
            <label className="field">
              <span className="field-label">Customers</span>
              <select
                className="input"
                data-testid="analysis-segment"
                value={segment ?? ""}
                disabled={planned}
                onChange={(e) => setSegment(e.target.value || null)}
              >
                <option value="">Every segment</option>
                {(segments.data?.rows ?? []).map((row) => (
                  <option key={String(row.code)} value={String(row.code)}>
                    {String(row.name)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">Change</span>
              <select
                className="input"
                data-testid="analysis-compare"
                value={compare}
                onChange={(e) => setCompare(e.target.value as DriverComparison)}
              >
                <option value="year-over-year">Last 12 months on the 12 before</option>
                <option value="plan-vs-last-year" disabled={versionId === null}>
                  Plan on the same months last year
                </option>
              </select>
            </label>
            <label className="field">
              <span className="field-label">Drivers</span>
              <select
                className="input"
                data-testid="analysis-by"
                value={planned ? "sku" : by}
                disabled={planned}
                onChange={(e) => setBy(e.target.value as DriverLevel)}
              >
                <option value="sku">SKUs</option>
                <option value="customer">Customers</option>
              </select>
            </label>
          </div>
          {analysis.isPending ? <Loading label="Analysing demand…" /> : null}
          {analysis.isError ? <ErrorMessage error={analysis.error} /> : null}
          {analysis.data ? <AnalysisView analysis={analysis.data} /> : null}
        </div>
      </div>
    </div>
  );
}

function AnalysisView({ analysis }: { analysis: DemandAnalysis }) {
  const { profile, trend, mix, drivers } = analysis;
  const who = analysis.segment ? `${analysis.node.name}, segment ${analysis.segment}` : analysis.node.name;
  return (
    <>
      <div className="stats stats-boxed" data-testid="analysis-trend">
        <Stat
          label="Last 12 months"
          value={trend.last12 === null ? "–" : formatCount(trend.last12)}
          unit="units"
        />
        <Stat
          label="On the 12 before"
          value={trend.growthPercent === null ? "–" : signed(trend.growthPercent, 1)}
          unit="%"
          hint={trend.prior12 === null ? "under two years of history" : `${formatCount(trend.prior12)} units`}
        />
        <Stat
          label="Trend"
          value={trend.slopePercentPerYear === null ? "–" : signed(trend.slopePercentPerYear, 1)}
          unit="% a year"
          hint={
            trend.slopePerMonth === null
              ? "under six months of history"
              : `${signed(trend.slopePerMonth, 1)} units a month, seasonally adjusted (median slope, last ${trend.months} months)`
          }
        />
      </div>
      <Panel
        title={`Seasonal profile: ${who}`}
        subtitle={
          profile.enough
            ? `Each calendar month against an average month (1.00), over the last ${profile.years} full years`
            : "Fewer than two full years of demand: no profile yet (every month shown as 1.00)"
        }
        testId="analysis-profile"
      >
        <SeasonalProfileChart indices={profile.indices} />
      </Panel>
      <div className="mix-tables">
        <MixTable title="By segment" shares={mix.segment} testId="mix-segment" />
        <MixTable title="By channel" shares={mix.channel} testId="mix-channel" />
        <MixTable title="By region" shares={mix.region} testId="mix-region" />
      </div>
      <Panel
        title={`What drives the change: ${signed(drivers.change)} units`}
        subtitle={`${range(drivers.afterRange)} (${drivers.compare === "plan-vs-last-year" ? "plan" : "demand"}: ${formatCount(drivers.after)}) against ${range(drivers.beforeRange)} (${formatCount(drivers.before)}), largest contributions first; they add up to the change`}
        testId="analysis-drivers"
      >
        <table className="grid grid-plain" aria-label="Drivers of the change">
          <thead>
            <tr>
              <th scope="col">{drivers.by === "sku" ? "SKU" : "Customer"}</th>
              <th scope="col" className="align-right">
                Before
              </th>
              <th scope="col" className="align-right">
                After
              </th>
              <th scope="col" className="align-right">
                Change
              </th>
              <th scope="col" className="align-right">
                Share of the change %
              </th>
            </tr>
          </thead>
          <tbody>
            {drivers.drivers.map((d) => (
              <tr key={d.key} data-key={d.key}>
                <th scope="row">
                  {d.key === "(others)" ? (
                    `${formatCount(drivers.others)} others`
                  ) : (
                    <>
                      <span className="code">{d.key}</span> {drivers.names[d.key] ?? ""}
                    </>
                  )}
                </th>
                <td className="align-right num">{formatCount(d.before)}</td>
                <td className="align-right num">{formatCount(d.after)}</td>
                <td className="align-right num">{signed(d.change)}</td>
                <td className="align-right num">
                  {d.shareOfChange === null ? "–" : formatPercentFigure(100 * d.shareOfChange)}
                </td>
              </tr>
            ))}
            <tr className="total-row">
              <th scope="row">Total</th>
              <td className="align-right num">{formatCount(drivers.before)}</td>
              <td className="align-right num">{formatCount(drivers.after)}</td>
              <td className="align-right num">{signed(drivers.change)}</td>
              <td className="align-right num">{drivers.change === 0 ? "–" : "100.0"}</td>
            </tr>
          </tbody>
        </table>
      </Panel>
    </>
  );
}

function MixTable({ title, shares, testId }: { title: string; shares: readonly MixShare[]; testId: string }) {
  return (
    <Panel title={title} subtitle="Last 12 months" testId={testId}>
      {shares.length === 0 ? (
        <p className="muted">No demand in the last 12 months.</p>
      ) : (
        <table className="grid grid-plain" aria-label={`Demand mix ${title.toLowerCase()}`}>
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col" className="align-right">
                Units
              </th>
              <th scope="col" className="align-right">
                Share %
              </th>
            </tr>
          </thead>
          <tbody>
            {shares.map((s) => (
              <tr key={s.key} data-key={s.key}>
                <th scope="row">{s.name}</th>
                <td className="align-right num">{formatCount(s.quantity)}</td>
                <td className="align-right num">{formatQuantity(s.basisPoints / 100, 2, 2)}</td>
              </tr>
            ))}
            <tr className="total-row">
              <th scope="row">Total</th>
              <td className="align-right num">{formatCount(shares.reduce((t, s) => t + s.quantity, 0))}</td>
              <td className="align-right num">
                {formatQuantity(shares.reduce((t, s) => t + s.basisPoints, 0) / 100, 2, 2)}
              </td>
            </tr>
          </tbody>
        </table>
      )}
    </Panel>
  );
}
