// 自助排查 for the signed-in member: gathers what the product knows here (binding, phone, journey
// step, the WeCom record, the 二次验证 WeCom sent them to, the latest sync job and its failure, the
// same person's other accounts) and asks WeCom what it allows today — the member's status by the
// assistant app's user/get, the read the follow watch makes (member-record.ts; contact-sync reads
// answer 48009, reference §7.5) — then names the one case (diagnosis.ts). Its actions go through the
// member page's fixes (members/fixes/wecom-jobs.ts: the durable jobs, audited) and the helpdesk.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { AppError } from "~/server/errors";
import { QUEUES } from "~/server/jobs/queue";
import { journeyState } from "~/server/journey/journey-state";
import { resendInvitation, resyncToWecom } from "~/server/members/fixes/wecom-jobs";
import { auditActor, unscopedClient, type TenantScope } from "~/server/scope";
import { consumeRateLimit } from "~/server/security/rate-limit";
import { wecomClientFor } from "~/server/wecom/client-for";
import { readWecomState, recordWecomState } from "~/server/wecom/member-record";
import { diagnose, SEEN, TROUBLESHOOT_ACTIONS, TROUBLESHOOT_CASES, type TroubleshootFacts } from "./diagnosis";

export const troubleshootInput = z.object({ seen: z.enum(SEEN).nullable().default(null) });

/** Every finding, for the page's 「排查依据」 and for the helpdesk case (no secret, no ID number). */
export const findingsOutput = z.object({
  step: z.string(),
  boundDisplay: z.string().nullable(),
  phoneDisplay: z.string().nullable(),
  recordedState: z.string().nullable(),
  recordedAt: z.date().nullable(),
  /** What WeCom answered now; null with `liveError` when it could not be asked. */
  liveState: z.string().nullable(),
  liveError: z.enum(["notInWecom", "unavailable", "tooOften"]).nullable(),
  verificationSeenAt: z.date().nullable(),
  secondVerification: z.boolean(),
  syncJobState: z.string().nullable(),
  syncJobErrcode: z.number().nullable(),
  otherFollowingAccount: z.string().nullable(),
  identityKind: z.string(),
  apps: z.array(z.string()),
  seen: z.enum(SEEN).nullable(),
});
export type Findings = z.infer<typeof findingsOutput>;

export const troubleshootOutput = z.object({
  case: z.enum(TROUBLESHOOT_CASES),
  action: z.enum(TROUBLESHOOT_ACTIONS),
  lookAgainAt: z.date().nullable(),
  otherAccount: z.string().nullable(),
  apps: z.array(z.string()),
  assistantAppName: z.string(),
  findings: findingsOutput,
});
export type Troubleshooting = z.infer<typeof troubleshootOutput>;

/** WeCom's user/get counts against the school's limits: a member's reloads ask it at most this often. */
export const LIVE_READ_LIMIT = { limit: 10, windowSeconds: 10 * 60 };

function signedInMember(scope: TenantScope): string {
  if (scope.actor.kind !== "member") throw new AppError("UNAUTHENTICATED");
  return scope.actor.id;
}

/** Asks WeCom (user/get, the assistant app's token) and records its answer, as the follow watch does. */
async function readLive(
  scope: TenantScope,
  member: { id: string; wecomUserId: string },
): Promise<Pick<Findings, "liveState" | "liveError">> {
  const memberId = member.id;
  const rate = await consumeRateLimit(unscopedClient(scope), { key: `troubleshoot-read:${memberId}`, ...LIVE_READ_LIMIT });
  if (!rate.allowed) return { liveState: null, liveError: "tooOften" };
  try {
    const said = await readWecomState(await wecomClientFor(scope), member.wecomUserId, "POLL");
    await recordWecomState(scope.db, { tenantId: scope.tenant.id, memberId }, said);
    return { liveState: said.state, liveError: null };
  } catch {
    // WeCom unreachable, 60020 (the server's address not trusted), a refused secret: the record stands.
    return { liveState: null, liveError: "unavailable" };
  }
}

export async function troubleshoot(scope: TenantScope, input: z.input<typeof troubleshootInput> = {}): Promise<Troubleshooting> {
  const { seen } = troubleshootInput.parse(input);
  const memberId = signedInMember(scope);
  const before = await scope.db.member.findUniqueOrThrow({
    where: { id: memberId },
    select: {
      wecomUserId: true,
      idNumberHash: true,
      wecom: { select: { state: true, stateSince: true, writtenAt: true, verificationSeenAt: true } },
    },
  });
  const live =
    before.wecomUserId && before.wecom?.writtenAt
      ? await readLive(scope, { id: memberId, wecomUserId: before.wecomUserId })
      : { liveState: null, liveError: before.wecom?.state === "NOT_IN_WECOM" ? ("notInWecom" as const) : null };
  // The journey as it stands after WeCom's answer was recorded.
  const [state, syncJob, other] = await Promise.all([
    journeyState(scope),
    scope.db.wecomJob.findFirst({
      where: { queue: QUEUES.wecomSync, kind: "member.upsert", subject: memberId },
      orderBy: { createdAt: "desc" },
      select: { state: true, lastErrcode: true, updatedAt: true },
    }),
    // One person's other account (the same ID number) that WeCom says follows (UCAS 12, 6-3).
    before.idNumberHash
      ? scope.db.member.findFirst({
          where: { id: { not: memberId }, idNumberHash: before.idNumberHash, wecom: { state: "ACTIVATED" } },
          select: { account: true },
        })
      : null,
  ]);
  const facts: TroubleshootFacts = {
    now: new Date(),
    step: state.step,
    secondVerification: state.school.secondVerification,
    recorded: {
      state: before.wecom?.state ?? null,
      stateSince: before.wecom?.stateSince ?? null,
      verificationSeenAt: before.wecom?.verificationSeenAt ?? null,
    },
    live: live.liveState as TroubleshootFacts["live"],
    syncJob,
    otherFollowing: other,
    apps: state.apps,
    assistantAppName: state.school.assistantAppName,
    seen,
  };
  const found = diagnose(facts);
  return {
    ...found,
    assistantAppName: state.school.assistantAppName,
    findings: {
      step: state.step,
      boundDisplay: state.binding?.display ?? null,
      phoneDisplay: state.member.phoneDisplay,
      recordedState: facts.recorded.state,
      recordedAt: facts.recorded.stateSince,
      ...live,
      verificationSeenAt: facts.recorded.verificationSeenAt,
      secondVerification: facts.secondVerification,
      syncJobState: syncJob?.state ?? null,
      syncJobErrcode: syncJob?.lastErrcode ?? null,
      otherFollowingAccount: other?.account ?? null,
      identityKind: state.member.identityKind.code,
      apps: state.member.identityKind.apps,
      seen,
    },
  };
}

/** 【重新发送邀请】: WeCom's invitation again, through the member page's fix (at most once in 3 days). */
export async function troubleshootResendInvitation(scope: TenantScope): Promise<void> {
  await resendInvitation(scope, { memberId: signedInMember(scope) });
}

/** 【重新同步】: the member's entry written to WeCom again, through the member page's fix. */
export async function troubleshootRerunSync(scope: TenantScope): Promise<void> {
  await resyncToWecom(scope, { memberId: signedInMember(scope) });
}

export const troubleshootCaseInput = z.object({
  seen: z.enum(SEEN).nullable().default(null),
  note: z.string().trim().max(500).default(""),
});

/**
 * 【提交给运维老师】: the case with every finding of a fresh look, so the helpdesk need not ask again.
 * One open case per member (the partial unique index): a second press files nothing.
 */
export async function sendTroubleshootCase(
  scope: TenantScope,
  input: z.input<typeof troubleshootCaseInput>,
): Promise<{ status: "sent" | "alreadyOpen" }> {
  const { seen, note } = troubleshootCaseInput.parse(input);
  const memberId = signedInMember(scope);
  const found = await troubleshoot(scope, { seen });
  const findings = JSON.parse(JSON.stringify({ diagnosis: found.case, ...found.findings })) as Prisma.InputJsonValue;
  return scope.db.$transaction(async (tx) => {
    const created = await tx.helpdeskCase.createMany({
      data: [
        {
          tenantId: scope.tenant.id,
          memberId,
          kind: "TROUBLESHOOT",
          value: null,
          valueDisplay: found.findings.boundDisplay,
          findings,
          note,
        },
      ],
      skipDuplicates: true,
    });
    if (created.count === 0) return { status: "alreadyOpen" as const };
    await audit(tx, {
      ...auditActor(scope.actor),
      action: "helpdesk.case.opened",
      detail: { kind: "TROUBLESHOOT", diagnosis: found.case },
    });
    return { status: "sent" as const };
  });
}
