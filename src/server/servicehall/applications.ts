// The applicant's side of the hall (发出的事项): save a draft, submit, withdraw before anyone acted,
// correct and resubmit a returned application. Each change is one transaction with its history
// event, its audit row, the approvers' tasks and the WeCom notice (notify.ts). Every state change
// is a conditional UPDATE on the state and the version the member's page showed, so a page that is
// out of date (another tab, a decision meanwhile) changes nothing and says so.
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { signedInMemberId } from "~/server/bindings/bind-phone";
import type { TenantTx } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import { auditActor, type TenantScope } from "~/server/scope";
import { requireStepApprovers } from "./approvers";
import {
  fieldProblems,
  serviceDefinition,
  valuesSchema,
  type FieldDefinition,
  type FieldProblem,
  type ServiceDefinition,
} from "./definition";
import { mayApply } from "./eligibility";
import { queueHallNotice } from "./notify";

export type SubmitInput = {
  /** A new application to this service… */
  serviceId?: string;
  /** …or the member's own draft or returned application. */
  applicationId?: string;
  /** The version of the application the page showed (an existing one's). */
  version?: number;
  /** The form's values as posted (definition.ts valuesFromForm). */
  values: Record<string, unknown>;
};

export type SubmitOutcome =
  | { ok: true; applicationId: string }
  /** The values did not pass: they were kept as a draft (or on the returned application) to correct. */
  | { ok: false; applicationId: string; problems: Record<string, FieldProblem> };

/** The stored definition of a version, parsed (a version is validated when written; this reads it back typed). */
export function definitionOf(version: { fields: unknown; steps: unknown }): ServiceDefinition {
  return serviceDefinition.parse({ fields: version.fields, steps: version.steps });
}

/**
 * What a member typed, kept as typed for a draft to show again: only the form's own keys, text
 * cut to the field's size, a multiple choice as a list. No rule is applied: a draft may be wrong.
 */
export function draftValues(fields: readonly FieldDefinition[], raw: Record<string, unknown>): Prisma.InputJsonObject {
  const out: Record<string, string | string[]> = {};
  for (const field of fields) {
    const value = raw[field.key];
    const cap = field.kind === "longText" || field.kind === "text" ? field.maxLength + 10 : 100;
    if (Array.isArray(value))
      out[field.key] = value
        .filter((v): v is string => typeof v === "string")
        .slice(0, 30)
        .map((v) => v.slice(0, 40));
    else if (typeof value === "string" && value !== "") out[field.key] = value.slice(0, cap);
    else if (typeof value === "number") out[field.key] = String(value);
  }
  return out;
}

async function applicantOf(tx: TenantTx, memberId: string) {
  const member = await tx.member.findUnique({
    where: { id: memberId },
    select: { id: true, name: true, account: true, department: true, identityKind: { select: { code: true } } },
  });
  if (!member) throw new AppError("UNAUTHENTICATED");
  return member;
}

/** A service open to this member, with its newest version. */
async function serviceToApply(tx: TenantTx, serviceId: string, member: { department: string; identityKind: { code: string } }) {
  const service = await tx.service.findUnique({
    where: { id: serviceId },
    select: {
      id: true,
      code: true,
      nameZh: true,
      active: true,
      identityKinds: true,
      departmentPrefixes: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, fields: true, steps: true } },
    },
  });
  const version = service?.versions[0];
  if (!service || !version || !service.active) throw new AppError("HALL_SERVICE_NOT_FOUND");
  if (!mayApply(service, { identityKindCode: member.identityKind.code, department: member.department })) {
    throw new AppError("HALL_NOT_ELIGIBLE");
  }
  return { service, version };
}

/** The member's own application that they may still edit (a draft, or returned to them). */
async function ownEditable(tx: TenantTx, memberId: string, applicationId: string) {
  const app = await tx.application.findFirst({
    where: { id: applicationId, applicantId: memberId },
    select: {
      id: true,
      state: true,
      step: true,
      version: true,
      service: { select: { id: true, code: true, nameZh: true } },
      serviceVersion: { select: { id: true, fields: true, steps: true } },
    },
  });
  if (!app) throw new AppError("HALL_APPLICATION_NOT_FOUND");
  if (app.state !== "DRAFT" && app.state !== "RETURNED") throw new AppError("HALL_NOT_EDITABLE");
  return app;
}

/** Moves the application from `from` (at `version`) with `data`, or refuses: it changed meanwhile. */
async function transition(
  tx: TenantTx,
  where: Prisma.ApplicationWhereInput & { id: string; version: number },
  data: Prisma.ApplicationUpdateManyMutationInput,
  refusal: "HALL_ALREADY_DECIDED" | "HALL_NOT_EDITABLE",
) {
  const moved = await tx.application.updateMany({ where, data: { ...data, version: { increment: 1 } } });
  if (moved.count !== 1) throw new AppError(refusal);
}

/** Opens the step's tasks for its approvers and queues their notice. */
export async function openStep(
  tx: TenantTx,
  scope: TenantScope,
  app: { id: string; step: number; serviceName: string; applicant: { id: string; name: string; department: string } },
  steps: ServiceDefinition["steps"],
): Promise<string[]> {
  const approvers = await requireStepApprovers(tx, steps, app.step, app.applicant);
  await tx.applicationTask.createMany({
    data: approvers.map((memberId) => ({ tenantId: scope.tenant.id, applicationId: app.id, step: app.step, memberId })),
  });
  const step = steps[app.step]!;
  await queueHallNotice(tx, scope, {
    memberIds: approvers,
    applicationId: app.id,
    title: `待办：${app.serviceName}`,
    lines: [`申请人：${app.applicant.name}`, `审批环节：第 ${app.step + 1} 步 ${step.nameZh}`, "请进入一站式网上办事大厅处理。"],
  });
  return approvers;
}

/** Saves the form as typed, as a new draft or on the member's draft or returned application. */
export async function saveDraft(scope: TenantScope, input: SubmitInput): Promise<{ applicationId: string }> {
  const memberId = signedInMemberId(scope);
  return scope.db.$transaction(async (tx) => {
    const member = await applicantOf(tx, memberId);
    if (input.applicationId) {
      const app = await ownEditable(tx, memberId, input.applicationId);
      const { fields } = definitionOf(app.serviceVersion);
      await transition(
        tx,
        { id: app.id, version: input.version ?? app.version, state: app.state },
        { values: draftValues(fields, input.values) },
        "HALL_NOT_EDITABLE",
      );
      return { applicationId: app.id };
    }
    if (!input.serviceId) throw new AppError("INVALID_INPUT");
    const { service, version } = await serviceToApply(tx, input.serviceId, member);
    const created = await tx.application.create({
      data: {
        tenantId: scope.tenant.id,
        serviceId: service.id,
        versionId: version.id,
        applicantId: member.id,
        values: draftValues(definitionOf(version).fields, input.values),
      },
      select: { id: true },
    });
    await audit(tx, {
      ...auditActor(scope.actor),
      action: "hall.application.drafted",
      target: created.id,
      detail: { service: service.code },
    });
    return { applicationId: created.id };
  });
}

/**
 * Submits a new application, a draft, or a returned application corrected. Values that do not pass
 * the version's schema are kept as typed (a draft, or on the returned application) and the outcome
 * names each field's problem; nothing is submitted then.
 */
export async function submitApplication(scope: TenantScope, input: SubmitInput): Promise<SubmitOutcome> {
  const memberId = signedInMemberId(scope);
  return scope.db.$transaction(async (tx) => {
    const member = await applicantOf(tx, memberId);
    const existing = input.applicationId ? await ownEditable(tx, memberId, input.applicationId) : null;
    let target: { id: string; state: "DRAFT" | "RETURNED"; step: number; version: number } | null = existing
      ? { id: existing.id, state: existing.state as "DRAFT" | "RETURNED", step: existing.step, version: input.version ?? existing.version }
      : null;
    let service: { id: string; code: string; nameZh: string };
    let definition: ServiceDefinition;
    if (existing) {
      service = existing.service;
      definition = definitionOf(existing.serviceVersion);
      // A draft is still an application to be: the member must still be admitted to the service.
      if (existing.state === "DRAFT") await serviceToApply(tx, service.id, member);
    } else {
      if (!input.serviceId) throw new AppError("INVALID_INPUT");
      const found = await serviceToApply(tx, input.serviceId, member);
      service = found.service;
      definition = definitionOf(found.version);
      const created = await tx.application.create({
        data: { tenantId: scope.tenant.id, serviceId: service.id, versionId: found.version.id, applicantId: member.id, values: {} },
        select: { id: true, version: true },
      });
      target = { id: created.id, state: "DRAFT", step: 0, version: created.version };
    }
    const app = target!;
    const parsed = valuesSchema(definition.fields).safeParse(input.values);
    if (!parsed.success) {
      await transition(
        tx,
        { id: app.id, version: app.version, state: app.state },
        { values: draftValues(definition.fields, input.values) },
        "HALL_NOT_EDITABLE",
      );
      return { ok: false, applicationId: app.id, problems: fieldProblems(parsed.error) };
    }
    const now = new Date();
    const resubmitted = app.state === "RETURNED";
    // A returned application goes back to the step that returned it; a new one starts at the first.
    const step = resubmitted ? app.step : 0;
    await transition(
      tx,
      { id: app.id, version: app.version, state: app.state },
      { state: "SUBMITTED", step, values: parsed.data, ...(resubmitted ? {} : { submittedAt: now }) },
      "HALL_NOT_EDITABLE",
    );
    await tx.applicationEvent.create({
      data: { tenantId: scope.tenant.id, applicationId: app.id, kind: resubmitted ? "RESUBMITTED" : "SUBMITTED", step, actorId: member.id },
    });
    const approvers = await openStep(tx, scope, { id: app.id, step, serviceName: service.nameZh, applicant: member }, definition.steps);
    await audit(tx, {
      ...auditActor(scope.actor),
      action: resubmitted ? "hall.application.resubmitted" : "hall.application.submitted",
      target: app.id,
      detail: { service: service.code, step, approvers },
    });
    scope.log.info({ application: app.id, step, resubmitted }, "hall application submitted");
    return { ok: true, applicationId: app.id };
  });
}

/**
 * Withdraws the member's application: a submitted one before any approver acted on it, or one
 * returned to them that they give up. Its open tasks close (they leave the approvers' 待办).
 */
export async function withdrawApplication(scope: TenantScope, input: { applicationId: string; version: number }): Promise<void> {
  const memberId = signedInMemberId(scope);
  await scope.db.$transaction(async (tx) => {
    const app = await tx.application.findFirst({
      where: { id: input.applicationId, applicantId: memberId },
      select: { id: true, state: true, step: true, actedOn: true, service: { select: { code: true } } },
    });
    if (!app) throw new AppError("HALL_APPLICATION_NOT_FOUND");
    if (app.state === "SUBMITTED" && app.actedOn) throw new AppError("HALL_CANNOT_WITHDRAW");
    if (app.state !== "SUBMITTED" && app.state !== "RETURNED") throw new AppError("HALL_ALREADY_DECIDED");
    await transition(
      tx,
      {
        id: app.id,
        version: input.version,
        applicantId: memberId,
        OR: [{ state: "SUBMITTED", actedOn: false }, { state: "RETURNED" }],
      },
      { state: "WITHDRAWN" },
      "HALL_ALREADY_DECIDED",
    );
    await tx.applicationTask.updateMany({ where: { applicationId: app.id, closedAt: null }, data: { closedAt: new Date() } });
    await tx.applicationEvent.create({
      data: { tenantId: scope.tenant.id, applicationId: app.id, kind: "WITHDRAWN", step: app.step, actorId: memberId },
    });
    await audit(tx, {
      ...auditActor(scope.actor),
      action: "hall.application.withdrawn",
      target: app.id,
      detail: { service: app.service.code, before: app.state },
    });
  });
}
