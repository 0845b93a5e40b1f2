// Forecast accuracy and forecast value added: each step of the demand review against what
// customers then asked for, measured on what was approved in each cycle at the lag asked; who
// improved the forecast and who made it worse, over the window and cycle by cycle; the trend; and
// the series with a biased consensus.

import { useState } from "react";
import { Link } from "react-router";
import { type ForecastAccuracy, type FvaStep, useForecastAccuracy } from "../api/accuracy";
import { AccuracyTrendChart } from "../components/accuracy-trend-chart";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { Sparkline } from "../components/sparkline";
import { Tag, type TagTone } from "../components/tag";
import { formatPeriod } from "../format/dates";
import { formatCount, formatQuantity } from "../format/numbers";

const STEP_LABELS: Record<FvaStep, string> = {
  naive: "Naive (last month's demand)",
  statistical: "Statistical forecast",
  sales: "+ sales overrides",
  marketing: "+ marketing uplifts",
  product: "+ product overrides",
  consensus: "Consensus (approved)",
};

const LEVELS = { sku: "SKU", family: "Family", brand: "Brand", all: "Company" } as const;

const pct = (v: number | null, digits = 1) => (v === null ? "–" : formatQuantity(v, digits, digits));
/** Forecast value added in percentage points, signed, coloured: green helped, red hurt. */
function Fva({ value }: { value: number | null }) {
  if (value === null) return <span className="muted">–</span>;
  const tone: TagTone = Math.abs(value) < 0.05 ? "neutral" : value > 0 ? "success" : "danger";
  return <Tag tone={tone}>{`${value > 0 ? "+" : ""}${formatQuantity(value, 1, 1)}`}</Tag>;
}

export function ForecastAccuracyPage() {
  const [lag, setLag] = useState(1);
  const [level, setLevel] = useState<keyof typeof LEVELS>("sku");
  const accuracy = useForecastAccuracy(lag, level);
  return (
    <div className="page" data-testid="forecast-accuracy-page">
      <PageHeader
        eyebrow={<Link to="/demand">Demand</Link>}
        title="Forecast accuracy and value added"
        description="Every step of the demand review against actual demand, measured on the plan approved in each cycle — so each override is judged against the statistical forecast it changed."
        actions={
          <div className="toolbar">
            <label className="field">
              <span className="field-label">Lag</span>
              <select
                className="input input-small"
                value={lag}
                onChange={(event) => setLag(Number(event.target.value))}
                data-testid="accuracy-lag"
              >
                <option value={1}>1 month</option>
                <option value={3}>3 months</option>
              </select>
            </label>
            <label className="field">
              <span className="field-label">Level</span>
              <select
                className="input input-small"
                value={level}
                onChange={(event) => setLevel(event.target.value as keyof typeof LEVELS)}
                data-testid="accuracy-level"
              >
                {Object.entries(LEVELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </div>
        }
      />
      {accuracy.isPending ? <Loading label="Measuring the forecasts…" /> : null}
      {accuracy.isError ? <ErrorMessage error={accuracy.error} /> : null}
      {accuracy.data ? (
        accuracy.data.cells === 0 ? (
          <div className="alert alert-warning" role="note" data-testid="accuracy-empty">
            <strong>Nothing to measure yet</strong>
            <span>
              Accuracy is measured on the demand plan approved in each cycle: once a cycle's consensus is
              approved and the months it planned have closed,{" "}
              {lag === 1 ? "the next month" : `the month ${lag} cycles later`} is scored here.
            </span>
          </div>
        ) : (
          <div className={accuracy.isPlaceholderData ? "grid-busy" : undefined}>
            <StepsPanel data={accuracy.data} />
            <Panel
              title="WAPE by month"
              subtitle="Naive, statistical and consensus, at the chosen lag and level"
            >
              <AccuracyTrendChart trend={accuracy.data.trend} />
            </Panel>
            <div className="supply-columns">
              <PeoplePanel people={accuracy.data.people} />
              <BiasPanel series={accuracy.data.biasedSeries} level={LEVELS[level]} />
            </div>
            <PeopleTrendPanel trend={accuracy.data.peopleTrend} />
          </div>
        )
      ) : null}
    </div>
  );
}

function StepsPanel({ data }: { data: ForecastAccuracy }) {
  const measured = data.months.filter((m) => m.snapshotId !== null).length;
  return (
    <Panel
      title="Forecast value added, step by step"
      subtitle={`${formatPeriod(data.from)}–${formatPeriod(data.to)}: ${measured} month${measured === 1 ? "" : "s"} with an approved plan, ${formatCount(data.cells)} SKU-months. FVA is the WAPE a step removed, in percentage points.`}
    >
      <table className="grid grid-plain" aria-label="Forecast value added" data-testid="fva-steps">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col" className="align-right">
              WAPE %
            </th>
            <th scope="col" className="align-right">
              MAPE %
            </th>
            <th scope="col" className="align-right">
              MASE
            </th>
            <th scope="col" className="align-right">
              Bias %
            </th>
            <th scope="col" className="align-right">
              Tracking signal
            </th>
            <th scope="col" className="align-right">
              FVA vs previous
            </th>
            <th scope="col" className="align-right">
              FVA vs statistical
            </th>
            <th scope="col" className="align-right">
              FVA vs naive
            </th>
          </tr>
        </thead>
        <tbody>
          {data.steps.map((s) => (
            <tr key={s.step} data-step={s.step}>
              <th scope="row">{STEP_LABELS[s.step]}</th>
              <td className="align-right num">{pct(s.wape)}</td>
              <td className="align-right num">{pct(s.mape)}</td>
              <td className="align-right num">{pct(s.mase, 2)}</td>
              <td className="align-right num">{pct(s.biasPct)}</td>
              <td className="align-right num">{formatQuantity(s.trackingSignal, 1, 1)}</td>
              <td className="align-right">
                <Fva value={s.fvaVsPrevious} />
              </td>
              <td className="align-right">
                <Fva value={s.fvaVsStatistical} />
              </td>
              <td className="align-right">
                <Fva value={s.fvaVsNaive} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        WAPE = Σ|actual − forecast| ÷ Σ actual, after summing to the level chosen. MAPE averages the months
        with demand. MASE scales each series' mean error by its seasonal-naive error over the 24 months
        before. Bias = Σ(forecast − actual) ÷ Σ actual (positive: over-forecast); tracking signal = Σ(forecast
        − actual) ÷ mean absolute error, |TS| &gt; 4 is biased. Each step applies the layers as the consensus
        rule does: sales and product override, marketing adds.
      </p>
    </Panel>
  );
}

function PeoplePanel({ people }: { people: ForecastAccuracy["people"] }) {
  return (
    <Panel title="Value added by person" subtitle="On the SKU-months each person's changes moved, best first">
      {people.length === 0 ? (
        <p className="muted">Nobody changed the forecast in the months measured.</p>
      ) : (
        <table className="grid grid-plain" aria-label="Value added by person" data-testid="fva-people">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Layer</th>
              <th scope="col" className="align-right">
                SKU-months
              </th>
              <th scope="col" className="align-right">
                WAPE before → after
              </th>
              <th scope="col" className="align-right">
                FVA
              </th>
              <th scope="col" className="align-right">
                FVA vs statistical
              </th>
              <th scope="col" className="align-right">
                Bias %
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={`${p.person}/${p.step}`}>
                <th scope="row">{p.person}</th>
                <td>{p.step}</td>
                <td className="align-right num">{formatCount(p.cells)}</td>
                <td className="align-right num">
                  {pct(p.wapeBefore)} → {pct(p.wapeAfter)}
                </td>
                <td className="align-right">
                  <Fva value={p.fva} />
                </td>
                <td className="align-right">
                  <Fva value={p.fvaVsStatistical} />
                </td>
                <td className="align-right num">{pct(p.biasPct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

/** Each person's FVA cycle by cycle: a sparkline and the figure of every cycle measured. */
function PeopleTrendPanel({ trend }: { trend: ForecastAccuracy["peopleTrend"] }) {
  if (trend.length === 0) return null;
  const cycles = trend[0]!.periods.map((p) => p.cycle);
  return (
    <Panel
      title="Value added by person, cycle by cycle"
      subtitle="FVA in points of WAPE on the SKU-months each person's changes moved in the plan of each cycle; – where they changed nothing"
    >
      <div className="heat-map-scroll">
        <table
          className="grid grid-plain"
          aria-label="Value added by person over time"
          data-testid="fva-people-trend"
        >
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Layer</th>
              <th scope="col">Trend</th>
              {cycles.map((cycle) => (
                <th scope="col" key={cycle} className="align-right">
                  {formatPeriod(cycle)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={`${p.person}/${p.step}`} data-person={p.person} data-step={p.step}>
                <th scope="row">{p.person}</th>
                <td>{p.step}</td>
                <td>
                  <Sparkline
                    values={p.periods.map((q) => q.fva)}
                    label={`${p.person}'s value added by cycle`}
                  />
                </td>
                {p.periods.map((q) => (
                  <td
                    key={q.cycle}
                    className="align-right"
                    title={
                      q.cells > 0
                        ? `${formatCount(q.cells)} SKU-months, WAPE ${pct(q.wapeBefore)} → ${pct(q.wapeAfter)}`
                        : undefined
                    }
                  >
                    <Fva value={q.fva} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

function BiasPanel({ series, level }: { series: ForecastAccuracy["biasedSeries"]; level: string }) {
  return (
    <Panel
      title="Persistently biased"
      subtitle={`${level} series whose consensus missed the same way (|TS| > 4, 3+ months)`}
    >
      {series.length === 0 ? (
        <p className="muted">No series is biased beyond the limit.</p>
      ) : (
        <table className="grid grid-plain" aria-label="Biased series" data-testid="biased-series">
          <thead>
            <tr>
              <th scope="col">{level}</th>
              <th scope="col" className="align-right">
                Months
              </th>
              <th scope="col" className="align-right">
                Bias (units)
              </th>
              <th scope="col" className="align-right">
                Tracking signal
              </th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.key}>
                <th scope="row" className="code">
                  {s.key}
                </th>
                <td className="align-right num">{s.months}</td>
                <td className="align-right num">{formatCount(s.biasUnits)}</td>
                <td className="align-right num">{formatQuantity(s.trackingSignal, 1, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
