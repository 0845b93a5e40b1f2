// The S&OP cycle of the current month: where it stands and who approved each stage. Stages advance
// strictly in order, each approved once by a role the owner table (CYCLE_STAGES in @fulcrum/domain)
// names; the executive stage closes only when a plan is committed (markCommitted, called inside the
// commit's own transaction). Approvals lock the cycle row, so of two concurrent approvals of the
// same stage exactly one is recorded; the log is append-only (migration 0014).

import {
  COMMIT_STAGE,
  CYCLE_STAGES,
  type CycleStage,
  canApproveStage,
  compareStages,
  isCycleStage,
  nextStage,
  type PeriodKey,
  ROLE_LABELS,
  type Role,
  type StageStatus,
  stageApprovers,
} from "@fulcrum/domain";
import type { Database, Schema } from "@fulcrum/storage";
import type { Kysely } from "kysely";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import type { WorkspaceService } from "../workspace/workspace-service";

export const MAX_APPROVAL_COMMENT = 2000;

export interface CyclePerson {
  readonly username: string;
  readonly displayName: string;
}

export interface StageApproval {
  readonly stage: CycleStage;
  readonly by: CyclePerson;
  /** The approver's role when they approved; null on approvals recorded before roles were kept. */
  readonly role: Role | null;
  readonly at: string;
  readonly comment: string | null;
}

export interface CycleStageView {
  readonly stage: CycleStage;
  readonly label: string;
  readonly owner: Role;
  /** The roles that may approve the stage (the owner table); empty for `committed`. */
  readonly approvers: Role[];
  /** Whether the stage is approved by committing a plan rather than on its own. */
  readonly closedByCommit: boolean;
  readonly status: StageStatus;
  readonly approval: StageApproval | null;
}

export interface CycleView {
  readonly period: string;
  readonly stage: CycleStage;
  readonly stages: CycleStageView[];
  /** Every approval of the cycle, oldest first. */
  readonly log: StageApproval[];
}

const labelOf = (stage: CycleStage) => CYCLE_STAGES.find((s) => s.stage === stage)?.label ?? stage;

/** "the demand planner or administrator": the owning roles, for error messages. */
function rolesText(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_LABELS[r].toLowerCase());
  return names.length <= 1
    ? `the ${names[0] ?? "nobody"}`
    : `the ${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

export class CycleService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly now: () => Date,
  ) {}

  /** The current cycle (the company's current period) with each stage's owners and approval. */
  async current(): Promise<CycleView> {
    const { currentPeriod } = await this.workspace.company();
    return this.view(currentPeriod);
  }

  /** A cycle by its period; not_found when no cycle was opened for it. */
  async view(period: string): Promise<CycleView> {
    const db = this.database.db;
    const cycle = await db
      .selectFrom("cycles")
      .select("stage")
      .where("period", "=", period)
      .executeTakeFirst();
    if (!cycle) throw new AppError("not_found", `no S&OP cycle for ${period}`);
    const rows = await db
      .selectFrom("cycle_stage_log as l")
      .innerJoin("users as u", "u.id", "l.approved_by")
      .select(["l.stage", "l.role", "l.approved_at", "l.comment", "u.username", "u.display_name"])
      .where("l.period", "=", period)
      .orderBy("l.id")
      .execute();
    const log: StageApproval[] = rows.map((r) => ({
      stage: r.stage as CycleStage,
      by: { username: r.username, displayName: r.display_name },
      role: (r.role as Role | null) ?? null,
      at: r.approved_at.toISOString(),
      comment: r.comment,
    }));
    const current = cycle.stage as CycleStage;
    const stages = CYCLE_STAGES.map((s): CycleStageView => {
      const order = compareStages(s.stage, current);
      return {
        stage: s.stage,
        label: s.label,
        owner: s.owner,
        approvers: [...s.approvers],
        closedByCommit: s.stage === COMMIT_STAGE,
        status: order < 0 ? "done" : order === 0 ? "current" : "upcoming",
        approval: log.find((a) => a.stage === s.stage) ?? null,
      };
    });
    return { period, stage: current, stages, log };
  }

  /**
   * Opens the cycle of a month before the current one, in data gathering, so that its stages can be
   * approved and its plan committed (the demo plays its past cycles so). Nothing changes when the
   * cycle is open already; bad_request for a period that is not before the current one.
   */
  async openPast(period: PeriodKey): Promise<CycleView> {
    const { currentPeriod } = await this.workspace.company();
    if (!(period < currentPeriod))
      throw new AppError("bad_request", `period: ${period} is not before the current cycle ${currentPeriod}`);
    await this.database.db
      .insertInto("cycles")
      .values({ period, stage: "data_gathering", opened_at: this.now() })
      .onConflict((oc) => oc.column("period").doNothing())
      .execute();
    return this.view(period);
  }

  /**
   * Approves the current cycle's stage `stage` (or that of the cycle of `period`, which must be
   * open) and moves the cycle to the next one.
   * bad_request for an unknown stage or an over-long comment; forbidden (naming the owning roles)
   * when the user's role does not own the stage; conflict when the stage is already approved, is
   * not yet reached, is the executive meeting (closed by committing a plan) or is `committed`.
   */
  async approve(stage: string, user: User, comment?: string | null, period?: string): Promise<CycleView> {
    if (!isCycleStage(stage))
      throw new AppError(
        "bad_request",
        `stage: ${stage} is not a cycle stage (${CYCLE_STAGES.map((s) => s.stage).join(", ")})`,
      );
    if (stage === "committed")
      throw new AppError(
        "conflict",
        "a cycle becomes committed when the executive commits a plan; the committed stage is not approved",
      );
    if (!canApproveStage(user.role, stage))
      throw new AppError(
        "forbidden",
        `the ${labelOf(stage).toLowerCase()} stage is approved by ${rolesText(stageApprovers(stage))}, not the ${ROLE_LABELS[user.role].toLowerCase()}`,
        { owners: stageApprovers(stage) },
      );
    if (stage === COMMIT_STAGE)
      throw new AppError(
        "conflict",
        "the executive S&OP stage is approved by committing one plan (scenario) for the cycle, not on its own",
      );
    const note = normaliseComment(comment);
    const currentPeriod = period ?? (await this.workspace.company()).currentPeriod;
    await this.database.db.transaction().execute(async (trx) => {
      const at = await lockCycle(trx, currentPeriod);
      if (at !== stage) {
        const message =
          compareStages(stage, at) < 0
            ? `the ${labelOf(stage).toLowerCase()} stage of the ${currentPeriod} cycle is already approved`
            : `the ${currentPeriod} cycle is in ${labelOf(at).toLowerCase()}; ${labelOf(stage).toLowerCase()} is approved after it`;
        throw new AppError("conflict", message, { stage: at });
      }
      await record(trx, currentPeriod, stage, user, note, this.now());
    });
    return this.view(currentPeriod);
  }

  /**
   * Records the executive meeting's approval and moves the cycle to `committed`, inside the
   * caller's transaction (the plan commit's), so the plan and the cycle are committed together or
   * not at all. forbidden unless the user owns the executive stage; conflict when the cycle has not
   * reached the executive meeting or is already committed; not_found for an unknown period.
   */
  async markCommitted(
    trx: Kysely<Schema>,
    period: string,
    user: User,
    comment?: string | null,
  ): Promise<void> {
    if (!canApproveStage(user.role, COMMIT_STAGE))
      throw new AppError(
        "forbidden",
        `a plan is committed by ${rolesText(stageApprovers(COMMIT_STAGE))}, not the ${ROLE_LABELS[user.role].toLowerCase()}`,
        { owners: stageApprovers(COMMIT_STAGE) },
      );
    const note = normaliseComment(comment);
    const at = await lockCycle(trx, period);
    if (at === "committed") throw new AppError("conflict", `the ${period} cycle is already committed`);
    if (at !== COMMIT_STAGE)
      throw new AppError(
        "conflict",
        `the ${period} cycle is in ${labelOf(at).toLowerCase()}; a plan is committed in the executive S&OP stage`,
        { stage: at },
      );
    await record(trx, period, COMMIT_STAGE, user, note, this.now());
  }
}

function normaliseComment(comment: string | null | undefined): string | null {
  const text = comment?.trim() ?? "";
  if ([...text].length > MAX_APPROVAL_COMMENT)
    throw new AppError("bad_request", `comment: at most ${MAX_APPROVAL_COMMENT} characters`);
  return text === "" ? null : text;
}

/** Locks the cycle row until the transaction ends and returns its stage. */
async function lockCycle(trx: Kysely<Schema>, period: string): Promise<CycleStage> {
  const row = await trx
    .selectFrom("cycles")
    .select("stage")
    .where("period", "=", period)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", `no S&OP cycle for ${period}`);
  return row.stage as CycleStage;
}

async function record(
  trx: Kysely<Schema>,
  period: string,
  stage: CycleStage,
  user: User,
  comment: string | null,
  at: Date,
): Promise<void> {
  await trx
    .insertInto("cycle_stage_log")
    .values({ period, stage, approved_by: user.id, approved_at: at, comment, role: user.role })
    .execute();
  const next = nextStage(stage);
  if (next) await trx.updateTable("cycles").set({ stage: next }).where("period", "=", period).execute();
}
