// `fulcrum promise <sku> <location>`: the ATP of a SKU-location against the committed plan; with
// --quantity, --period and --segment a quote for that request; with --accept the promise is recorded
// as the named user (password in FULCRUM_PASSWORD), under the same lock as the API's; with --ctp
// what ATP lacks is made from spare capacity and material. `fulcrum promise-cancel` cancels one and
// `fulcrum promise-risks` lists (with --check: checks and notifies) the promises at risk.

import {
  AppError,
  type AtpView,
  type Fulcrum,
  type PromiseQuote,
  type PromiseRiskCheck,
  type User,
} from "@fulcrum/app";
import { canPromiseOrders } from "@fulcrum/domain";
import type { CliConfig } from "../config";
import { withFulcrum } from "../session";

export interface PromiseOptions {
  quantity?: string;
  period?: string;
  segment?: string;
  customer?: string;
  accept?: boolean;
  ctp?: boolean;
  as?: string;
}

export async function promise(
  config: CliConfig,
  sku: string,
  location: string,
  options: PromiseOptions,
  password = process.env.FULCRUM_PASSWORD,
): Promise<void> {
  await withFulcrum(config, async (fulcrum) => {
    if (options.quantity === undefined) {
      console.log(atpReport(await fulcrum.promising.atp(sku, location)));
      return;
    }
    if (!options.period)
      throw new AppError("bad_request", "--period <YYYY-MM>: the delivery month asked for");
    if (!options.segment) throw new AppError("bad_request", "--segment <code>: the customer's segment");
    const request = {
      sku,
      location,
      quantity: Number(options.quantity),
      period: options.period,
      segment: options.segment,
      customer: options.customer ?? null,
      capableToPromise: options.ctp === true,
    };
    if (!options.accept) {
      console.log(quoteReport(await fulcrum.promising.quote(request)));
      return;
    }
    await asPromiser(fulcrum, options.as, password, async (user) => {
      const recorded = await fulcrum.promising.accept(request, user);
      console.log(
        `Promise ${recorded.id} (${recorded.kind}): ${recorded.lines.map((l) => `${l.quantity} in ${l.period}${l.source === "ctp" ? " (to be made)" : ""}`).join(", ")}`,
      );
    });
  });
}

export async function cancelPromise(
  config: CliConfig,
  id: string,
  options: { reason?: string; as?: string },
  password = process.env.FULCRUM_PASSWORD,
): Promise<void> {
  if (!/^\d+$/.test(id)) throw new AppError("bad_request", `<id>: ${id} is not a promise number`);
  if (!options.reason?.trim()) throw new AppError("bad_request", "--reason <text>: say why it is cancelled");
  await withFulcrum(config, (fulcrum) =>
    asPromiser(fulcrum, options.as, password, async (user) => {
      const cancelled = await fulcrum.promising.cancel(Number(id), options.reason!, user);
      console.log(
        `Promise ${cancelled.id} cancelled by ${cancelled.cancellation?.by}: ${cancelled.cancellation?.reason}`,
      );
    }),
  );
}

export async function promiseRisks(
  config: CliConfig,
  options: { check?: boolean; as?: string },
  password = process.env.FULCRUM_PASSWORD,
): Promise<void> {
  await withFulcrum(config, async (fulcrum) => {
    if (!options.check) {
      console.log(riskReport({ ...(await fulcrum.promiseRisks.atRisk()), notified: null }));
      return;
    }
    await asPromiser(fulcrum, options.as, password, async () => {
      console.log(riskReport(await fulcrum.promiseRisks.check()));
    });
  });
}

/** Runs `work` logged in as a user who may promise orders (password in FULCRUM_PASSWORD). */
async function asPromiser(
  fulcrum: Fulcrum,
  username: string | undefined,
  password: string | undefined,
  work: (user: User) => Promise<void>,
): Promise<void> {
  if (!username) throw new AppError("bad_request", "--as <username>: name the user who acts");
  if (!password) throw new AppError("bad_request", "set FULCRUM_PASSWORD to that user's password");
  const { token, user } = await fulcrum.auth.login(username, password);
  try {
    if (!canPromiseOrders(user.role))
      throw new AppError("forbidden", `${user.username} may not promise orders`);
    await work(user);
  } finally {
    await fulcrum.auth.logout(token);
  }
}

/** One line per promise at risk: what is short and when the plan can deliver it, and who is told. */
export function riskReport(check: Omit<PromiseRiskCheck, "notified"> & { notified: number | null }): string {
  const head = `Promises at risk under the committed plan ${check.committedPlanId} (${check.cyclePeriod}): ${check.atRisk.length}`;
  const rows = check.atRisk.map(
    (r) =>
      `#${r.id} ${r.quantity} × ${r.sku} at ${r.location}${r.customer ? ` for ${r.customer}` : ""}: ${r.uncovered} short, ${r.achievablePeriod ? `achievable by ${r.achievablePeriod}` : "no date within the plan"}; tell ${r.notify}`,
  );
  const sent = check.notified === null ? [] : [`${check.notified} new notification(s) sent`];
  return [head, ...rows, ...sent].join("\n");
}

/** One line per period: receipts, committed, discrete and cumulative ATP, promised, and what anyone may still take. */
export function atpReport(atp: AtpView): string {
  const free = atp.available.find((a) => a.segment === "*")?.cumulative ?? [];
  const n = (x: number) => String(Math.round(x)).padStart(10);
  const head = `${"Period".padEnd(8)}${["Receipts", "Committed", "ATP", "Cum. ATP", "Promised", "Available"].map((h) => h.padStart(10)).join("")}`;
  const rows = atp.periods.map(
    (p, t) =>
      `${p.padEnd(8)}${n(atp.receipts[t]!)}${n(atp.committed[t]!)}${n(atp.discrete[t]!)}${n(atp.cumulative[t]!)}${n(atp.promised[t]!)}${n(free[t] ?? 0)}`,
  );
  const risk =
    atp.atRisk.length > 0
      ? [`At risk: ${atp.atRisk.map((r) => `#${r.id} (${r.uncovered} short)`).join(", ")}`]
      : [];
  return [
    `ATP of ${atp.sku} at ${atp.location}, committed plan ${atp.committedPlanId} (${atp.cyclePeriod}); on hand ${Math.round(atp.onHand)}`,
    head,
    ...rows,
    ...risk,
  ].join("\n");
}

export function quoteReport(quote: PromiseQuote): string {
  const lines = quote.lines.map((l) => `${l.quantity} in ${l.period}`).join(", ") || "nothing";
  const rest = quote.unpromised > 0 ? `; ${quote.unpromised} cannot be promised within the plan` : "";
  const ctp = quote.ctp;
  const made =
    ctp && ctp.made > 0
      ? ` Capable-to-promise (${ctp.kind}): ${ctp.lines.map((l) => `${l.quantity} in ${l.period}${l.source === "ctp" ? " (to be made)" : ""}`).join(", ")}${ctp.unpromised > 0 ? `; ${ctp.unpromised} not` : ""} — add --ctp to take it.`
      : ctp
        ? ` Nothing more can be made (${ctp.limitedBy ?? "no capacity"}).`
        : "";
  return `Quote (${quote.kind}): ${lines}${rest}.${made} Not recorded: add --accept --as <user> to promise it.`;
}
