// `fulcrum promise <sku> <location>`: the ATP of a SKU-location against the committed plan; with
// --quantity, --period and --segment a quote for that request; with --accept the promise is recorded
// as the named user (password in FULCRUM_PASSWORD), under the same lock as the API's.

import { AppError, type AtpView, type PromiseQuote } from "@fulcrum/app";
import { canPromiseOrders } from "@fulcrum/domain";
import type { CliConfig } from "../config";
import { withFulcrum } from "../session";

export interface PromiseOptions {
  quantity?: string;
  period?: string;
  segment?: string;
  customer?: string;
  accept?: boolean;
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
    };
    if (!options.accept) {
      console.log(quoteReport(await fulcrum.promising.quote(request)));
      return;
    }
    if (!options.as) throw new AppError("bad_request", "--as <username>: name the user who promises");
    if (!password) throw new AppError("bad_request", "set FULCRUM_PASSWORD to the promising user's password");
    const { token, user } = await fulcrum.auth.login(options.as, password);
    try {
      if (!canPromiseOrders(user.role))
        throw new AppError("forbidden", `${user.username} may not promise orders`);
      const recorded = await fulcrum.promising.accept(request, user);
      console.log(
        `Promise ${recorded.id} (${recorded.kind}): ${recorded.lines.map((l) => `${l.quantity} in ${l.period}`).join(", ")}`,
      );
    } finally {
      await fulcrum.auth.logout(token);
    }
  });
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
  return `Quote (${quote.kind}): ${lines}${rest}. Not recorded: add --accept --as <user> to promise it.`;
}
