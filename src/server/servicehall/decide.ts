// The approver's side of the hall (收到的事项): approve (to the next step, or APPROVED after the
// last), reject, or return to the applicant with a comment. Two approvers of one step acting at the
// same moment cannot both decide it: the decision is a conditional UPDATE on the application's
// state, step and the version the approver's page showed, inside the transaction; PostgreSQL makes
// the second UPDATE wait for the first and then finds the row no longer matching, so the second
// approver is told it changed (HALL_ALREADY_DECIDED) and nothing of theirs is written.
import { audit } from "~/server/audit/audit";
import { signedInMemberId } from "~/server/bindings/bind-phone";
import { AppError } from "~/server/errors";
import { auditActor, type TenantScope } from "~/server/scope";
import { definitionOf, openStep } from "./applications";
import { queueHallNotice } from "./notify";

export const DECISIONS = ["approve", "reject", "return"] as const;
export type Decision = (typeof DECISIONS)[number];

/** A comment's length in characters (ApplicationEvent.comment). */
export const COMMENT_MAX = 500;

export type DecideInput = { applicationId: string; version: number; decision: Decision; comment: string };
export type DecideOutcome = { state: "SUBMITTED" | "APPROVED" | "REJECTED" | "RETURNED"; step: number };

const EVENT = { approve: "APPROVED", reject: "REJECTED", return: "RETURNED" } as const;
const WORDS = { approve: "已同意", reject: "未通过", return: "已退回，请修改后重新提交" } as const;

export async function decideApplication(scope: TenantScope, input: DecideInput): Promise<DecideOutcome> {
  const memberId = signedInMemberId(scope);
  const comment = input.comment.trim();
  if (input.decision !== "approve" && comment === "") throw new AppError("HALL_COMMENT_REQUIRED");
  if ([...comment].length > COMMENT_MAX) throw new AppError("INVALID_INPUT");
  return scope.db.$transaction(async (tx) => {
    const app = await tx.application.findUnique({
      where: { id: input.applicationId },
      select: {
        id: true,
        state: true,
        step: true,
        version: true,
        service: { select: { code: true, nameZh: true } },
        serviceVersion: { select: { fields: true, steps: true } },
        applicant: { select: { id: true, name: true, department: true } },
        tasks: { where: { memberId, closedAt: null }, select: { id: true, step: true } },
      },
    });
    if (!app) throw new AppError("HALL_APPLICATION_NOT_FOUND");
    const task = app.tasks.find((t) => t.step === app.step);
    if (app.state !== "SUBMITTED" || !task) {
      // Someone decided it (or the applicant withdrew it) since the page was shown.
      throw new AppError(app.version !== input.version ? "HALL_ALREADY_DECIDED" : "HALL_NOT_YOUR_TASK");
    }
    const { steps } = definitionOf(app.serviceVersion);
    const now = new Date();
    const last = app.step === steps.length - 1;
    const outcome: DecideOutcome =
      input.decision === "approve"
        ? last
          ? { state: "APPROVED", step: app.step }
          : { state: "SUBMITTED", step: app.step + 1 }
        : { state: input.decision === "reject" ? "REJECTED" : "RETURNED", step: app.step };
    const decided = await tx.application.updateMany({
      where: { id: app.id, state: "SUBMITTED", step: app.step, version: input.version },
      data: {
        state: outcome.state,
        step: outcome.step,
        actedOn: true,
        version: { increment: 1 },
        ...(outcome.state === "APPROVED" || outcome.state === "REJECTED" ? { decidedAt: now } : {}),
      },
    });
    if (decided.count !== 1) throw new AppError("HALL_ALREADY_DECIDED");
    // The step is decided: it leaves every approver's 待办, and this approver's 已办 records it.
    await tx.applicationTask.updateMany({ where: { applicationId: app.id, step: app.step, closedAt: null }, data: { closedAt: now } });
    await tx.applicationTask.update({ where: { id: task.id }, data: { decidedAt: now } });
    await tx.applicationEvent.create({
      data: { tenantId: scope.tenant.id, applicationId: app.id, kind: EVENT[input.decision], step: app.step, actorId: memberId, comment },
    });
    let nextApprovers: string[] = [];
    if (outcome.state === "SUBMITTED") {
      nextApprovers = await openStep(
        tx,
        scope,
        { id: app.id, step: outcome.step, serviceName: app.service.nameZh, applicant: app.applicant },
        steps,
      );
    }
    const step = steps[app.step]!;
    await queueHallNotice(tx, scope, {
      memberIds: [app.applicant.id],
      applicationId: app.id,
      title: `${app.service.nameZh}：${outcome.state === "SUBMITTED" ? "已通过第 " + (app.step + 1) + " 步" : WORDS[input.decision]}`,
      lines: [`审批环节：第 ${app.step + 1} 步 ${step.nameZh}`, ...(comment ? [`意见：${comment}`] : [])],
    });
    await audit(tx, {
      ...auditActor(scope.actor),
      action: `hall.application.${EVENT[input.decision].toLowerCase()}`,
      target: app.id,
      detail: { service: app.service.code, step: app.step, after: outcome, nextApprovers },
    });
    scope.log.info({ application: app.id, decision: input.decision, step: app.step }, "hall application decided");
    return outcome;
  });
}
