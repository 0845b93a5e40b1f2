// `fulcrum cycle` and `fulcrum cycle approve <stage>`: where the current S&OP cycle stands, and
// approving its current stage as a named user. The approval is that user's, so the CLI signs them
// in with their password (FULCRUM_PASSWORD) as the web app would; the same owner table applies.

import { AppError, type CycleView } from "@fulcrum/app";
import { ROLE_LABELS } from "@fulcrum/domain";
import type { CliConfig } from "../config";
import { withFulcrum } from "../session";

export async function showCycle(config: CliConfig): Promise<void> {
  await withFulcrum(config, async (fulcrum) => console.log(cycleReport(await fulcrum.cycle.current())));
}

export async function approveStage(
  config: CliConfig,
  stage: string,
  options: { as?: string; comment?: string },
  password = process.env.FULCRUM_PASSWORD,
): Promise<void> {
  if (!options.as) throw new AppError("bad_request", "--as <username>: name the user who approves");
  if (!password) throw new AppError("bad_request", "set FULCRUM_PASSWORD to the approving user's password");
  await withFulcrum(config, async (fulcrum) => {
    const { token, user } = await fulcrum.auth.login(options.as ?? "", password);
    try {
      const cycle = await fulcrum.cycle.approve(stage, user, options.comment);
      console.log(cycleReport(cycle));
    } finally {
      await fulcrum.auth.logout(token);
    }
  });
}

/** One line per stage: a mark (✓ done, ▶ current), its label, owners and approval. */
export function cycleReport(cycle: CycleView): string {
  const lines = cycle.stages.map((s) => {
    const mark = s.status === "done" ? "✓" : s.status === "current" ? "▶" : " ";
    const owners = s.approvers.map((r) => ROLE_LABELS[r]).join(" or ") || "reached by committing a plan";
    const approval = s.approval
      ? `  approved by ${s.approval.by.displayName} on ${s.approval.at.slice(0, 10)}${s.approval.comment ? ` — ${s.approval.comment}` : ""}`
      : "";
    return `${mark} ${s.label.padEnd(22)}${owners}${approval}`;
  });
  return [`S&OP cycle ${cycle.period}`, ...lines].join("\n");
}
