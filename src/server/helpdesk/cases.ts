// Cases members send to the school's helpdesk (运维老师) from the journey's error pages, with
// what the product found, so the helpdesk can act without asking the student again. UCAS 13
// (「手机号码已存在」: only an admin can move the phone) and a member's entry WeCom refused are
// the two the member cannot fix alone. The back office lists and closes them.
import type { MessageKey } from "~/i18n/messages";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { judgeBinding } from "~/server/bindings/binding-rules";
import { bindingTarget } from "~/server/bindings/binding-target";
import { signedInMemberId } from "~/server/bindings/bind-phone";
import { countMemberValue } from "~/server/codes/member-values";
import { AppError } from "~/server/errors";
import { journeyState } from "~/server/journey/journey-state";
import { phonePolicy } from "~/server/members/phone-policy";
import type { TenantTx } from "~/server/db/tenant-db";
import { auditActor, type TenantScope } from "~/server/scope";

const note = z.string().trim().max(500).default("");

export const bindingCaseInput = z.object({ value: z.string().trim().min(1).max(254), note });
export const syncCaseInput = z.object({ note });

export const sentCaseOutput = z.object({
  /** sent: a new case; alreadyOpen: the same case waits for the helpdesk; notNeeded: nothing blocks the member now. */
  status: z.enum(["sent", "alreadyOpen", "notNeeded"]),
});

async function openCase(
  scope: TenantScope,
  memberId: string,
  data: {
    kind: "PHONE_ALREADY_EXISTS" | "WECOM_SYNC_FAILED";
    value: string | null;
    valueDisplay: string | null;
    findings: Prisma.InputJsonValue;
    note: string;
  },
): Promise<z.infer<typeof sentCaseOutput>> {
  return scope.db.$transaction(async (tx) => {
    // The partial unique index keeps one open case per member, kind and value: a second press files nothing.
    const created = await tx.helpdeskCase.createMany({ data: [{ tenantId: scope.tenant.id, memberId, ...data }], skipDuplicates: true });
    if (created.count === 0) return { status: "alreadyOpen" as const };
    await audit(tx, { ...auditActor(scope.actor), action: "helpdesk.case.opened", detail: { kind: data.kind } });
    return { status: "sent" as const };
  });
}

/**
 * 「手机号码已存在」 → 【提交给运维老师】: the phone, and who holds it (for the helpdesk's eyes only).
 * The answer is the same whoever holds the phone, or nobody: answered "not needed" for a free phone
 * and "sent" for a held one, this button would tell any member who is in the directory, phone by
 * phone. So every value gets a case (the findings tell the helpdesk what the product saw, "nobody
 * else holds it" included), counted against the member's budget of values a day like the bind page.
 */
export async function sendBindingCaseToHelpdesk(scope: TenantScope, input: z.infer<typeof bindingCaseInput>) {
  const memberId = signedInMemberId(scope);
  const target = bindingTarget(input.value, await phonePolicy(scope));
  const verdict = await judgeBinding(scope.db, memberId, target);
  if (!verdict.heldByMember) await countMemberValue(scope, memberId, target.value);
  return openCase(scope, memberId, {
    kind: "PHONE_ALREADY_EXISTS",
    value: target.value,
    valueDisplay: target.display,
    findings: {
      refusal: verdict.refusal,
      holderAccount: verdict.holder?.account ?? null,
      holderSamePerson: verdict.holder?.samePerson ?? false,
      holderBound: verdict.holder?.bound ?? false,
      holderWecomState: verdict.holder?.wecomState ?? null,
    },
    note: input.note,
  });
}

/** The follow page's 「未能同步到企业微信」 → 【提交给运维老师】. */
export async function sendSyncCaseToHelpdesk(scope: TenantScope, input: z.infer<typeof syncCaseInput>) {
  const memberId = signedInMemberId(scope);
  const state = await journeyState(scope);
  if (state.step !== "syncFailed") return { status: "notNeeded" as const };
  const binding = state.binding;
  return openCase(scope, memberId, {
    kind: "WECOM_SYNC_FAILED",
    // One open case per member: the value is in the findings' display, not the key.
    value: null,
    valueDisplay: binding?.display ?? null,
    findings: { wecomPhoneExists: state.syncError?.phoneExists ?? false, wecomState: state.wecom.state },
    note: input.note,
  });
}

export const listCasesInput = z.object({
  status: z.enum(["OPEN", "RESOLVED"]).default("OPEN"),
  take: z.number().int().min(1).max(200).default(100),
});

export const caseRowOutput = z.object({
  id: z.string(),
  kind: z.enum(["PHONE_ALREADY_EXISTS", "WECOM_SYNC_FAILED", "TROUBLESHOOT"]),
  status: z.enum(["OPEN", "RESOLVED"]),
  member: z.object({ id: z.string(), account: z.string(), name: z.string() }),
  valueDisplay: z.string().nullable(),
  findings: z.object({
    /** Why the bind page refused the value when the case was sent; null: nobody else held it then. */
    refusal: z.string().nullable().optional(),
    holderAccount: z.string().nullable().optional(),
    holderSamePerson: z.boolean().optional(),
    holderBound: z.boolean().optional(),
    holderWecomState: z.string().nullable().optional(),
    wecomPhoneExists: z.boolean().optional(),
    wecomState: z.string().nullable().optional(),
    /** 自助排查 (troubleshoot/): the case it named and what it read here and in WeCom. */
    diagnosis: z.string().optional(),
    step: z.string().optional(),
    recordedState: z.string().nullable().optional(),
    liveState: z.string().nullable().optional(),
    liveError: z.string().nullable().optional(),
    syncJobState: z.string().nullable().optional(),
    syncJobErrcode: z.number().nullable().optional(),
    otherFollowingAccount: z.string().nullable().optional(),
    identityKind: z.string().optional(),
    seen: z.string().nullable().optional(),
  }),
  note: z.string(),
  createdAt: z.date(),
  resolvedAt: z.date().nullable(),
  /** The back-office username handling it, or null. */
  assignee: z.string().nullable(),
  /** The helpdesk's answer, as the member reads it ("" for none yet). */
  answer: z.string(),
  answeredAt: z.date().nullable(),
});

const caseSelect = {
  id: true,
  kind: true,
  status: true,
  valueDisplay: true,
  findings: true,
  note: true,
  createdAt: true,
  resolvedAt: true,
  assignedTo: true,
  answer: true,
  answeredAt: true,
  member: { select: { id: true, account: true, name: true } },
} as const satisfies Prisma.HelpdeskCaseSelect;

type CaseRow = Prisma.HelpdeskCaseGetPayload<{ select: typeof caseSelect }>;

function caseRow({ assignedTo, ...row }: CaseRow, usernames: ReadonlyMap<string, string>): z.infer<typeof caseRowOutput> {
  // Findings are the product's own JSON; parsed so a row of an older shape cannot leak other fields.
  const findings = caseRowOutput.shape.findings.safeParse(row.findings);
  return { ...row, findings: findings.success ? findings.data : {}, assignee: assignedTo ? (usernames.get(assignedTo) ?? null) : null };
}

/** The cases with their assignees' usernames, read in this school only. */
async function caseRows(db: TenantTx, rows: readonly CaseRow[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.assignedTo ? [r.assignedTo] : [])))];
  const admins = ids.length ? await db.tenantAdmin.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } }) : [];
  const usernames = new Map(admins.map((a) => [a.id, a.username]));
  return rows.map((r) => caseRow(r, usernames));
}

/** The helpdesk queue: open cases oldest first (first come, first served), closed ones newest first. */
export async function listHelpdeskCases(scope: TenantScope, input: z.infer<typeof listCasesInput>) {
  const rows = await scope.db.helpdeskCase.findMany({
    where: { status: input.status },
    orderBy: { createdAt: input.status === "OPEN" ? "asc" : "desc" },
    take: input.take,
    select: caseSelect,
  });
  return caseRows(scope.db, rows);
}

export const caseIdInput = z.object({ caseId: z.string().uuid() });

export async function resolveHelpdeskCase(scope: TenantScope, input: z.infer<typeof caseIdInput>) {
  return scope.db.$transaction(async (tx) => {
    const { count } = await tx.helpdeskCase.updateMany({
      where: { id: input.caseId, status: "OPEN" },
      data: { status: "RESOLVED", resolvedAt: new Date(), resolvedBy: auditActor(scope.actor).actorId },
    });
    const row = await tx.helpdeskCase.findUnique({ where: { id: input.caseId }, select: caseSelect });
    if (!row) throw new AppError("NOT_FOUND");
    if (count > 0)
      await audit(tx, {
        ...auditActor(scope.actor),
        action: "helpdesk.case.resolved",
        target: row.member.account,
        detail: { kind: row.kind },
      });
    const [answered] = await caseRows(tx, [row]);
    return answered!;
  });
}

export const answerCaseInput = caseIdInput.extend({
  answer: z.string().trim().min(1).max(1000),
  /** Close the case with the answer (【回复并标记已处理】); otherwise it stays open. */
  close: z.boolean().default(true),
});

/** The helpdesk answers the member, who reads it on 个人中心; a closed case may be answered again (a correction). */
export async function answerHelpdeskCase(scope: TenantScope, input: z.infer<typeof answerCaseInput>) {
  const by = auditActor(scope.actor).actorId;
  return scope.db.$transaction(async (tx) => {
    const before = await tx.helpdeskCase.findUnique({ where: { id: input.caseId }, select: { status: true } });
    if (!before) throw new AppError("NOT_FOUND");
    const closing = input.close && before.status === "OPEN";
    const row = await tx.helpdeskCase.update({
      where: { id: input.caseId },
      data: {
        answer: input.answer,
        answeredAt: new Date(),
        ...(closing ? { status: "RESOLVED", resolvedAt: new Date(), resolvedBy: by } : {}),
      },
      select: caseSelect,
    });
    await audit(tx, {
      ...auditActor(scope.actor),
      action: "helpdesk.case.answered",
      target: row.member.account,
      detail: { kind: row.kind, closed: closing },
    });
    const [answered] = await caseRows(tx, [row]);
    return answered!;
  });
}

/** 【由我处理】: the acting back-office account takes the case, so two colleagues do not both call the student. */
export async function assignHelpdeskCase(scope: TenantScope, input: z.infer<typeof caseIdInput>) {
  if (scope.actor.kind !== "tenantAdmin") throw new AppError("FORBIDDEN");
  const me = scope.actor.id;
  return scope.db.$transaction(async (tx) => {
    const { count } = await tx.helpdeskCase.updateMany({ where: { id: input.caseId, status: "OPEN" }, data: { assignedTo: me } });
    const row = await tx.helpdeskCase.findUnique({ where: { id: input.caseId }, select: caseSelect });
    if (!row) throw new AppError("NOT_FOUND");
    if (count > 0)
      await audit(tx, {
        ...auditActor(scope.actor),
        action: "helpdesk.case.assigned",
        target: row.member.account,
        detail: { kind: row.kind },
      });
    const [assigned] = await caseRows(tx, [row]);
    return assigned!;
  });
}

export const memberCaseOutput = caseRowOutput.pick({
  id: true,
  kind: true,
  status: true,
  valueDisplay: true,
  createdAt: true,
  answer: true,
  answeredAt: true,
});

/** The cases the signed-in member sent, newest first, with their state and the helpdesk's answer (never its findings). */
export async function myHelpdeskCases(scope: TenantScope) {
  if (scope.actor.kind !== "member") throw new AppError("UNAUTHENTICATED");
  return scope.db.helpdeskCase.findMany({
    where: { memberId: scope.actor.id },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, kind: true, status: true, valueDisplay: true, createdAt: true, answer: true, answeredAt: true },
  });
}

/** What the member is told once a case was sent (or needed no sending), by the answer's status. */
export const HELPDESK_SENT_MESSAGE = {
  sent: "journey.helpdeskSent",
  alreadyOpen: "journey.helpdeskAlreadyOpen",
  notNeeded: "journey.helpdeskNotNeeded",
} as const satisfies Record<"sent" | "alreadyOpen" | "notNeeded", MessageKey>;
