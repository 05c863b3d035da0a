// What the journey's pages show the signed-in member: who they are (and what their identity
// kind may see in WeCom), what the directory holds, the binding, the school's settings for the
// bind page, WeCom's last word on them, and from these the step they are at (journey-step.ts).
import { z } from "zod";
import { displayPhone } from "~/server/codes/destination";
import { AppError } from "~/server/errors";
import { QUEUES } from "~/server/jobs/queue";
import { phonePolicy } from "~/server/members/phone-policy";
import type { TenantScope } from "~/server/scope";
import { appsShown } from "~/server/troubleshoot/diagnosis";
import { JOURNEY_STEPS, journeyStep } from "./journey-step";

export const journeyStateOutput = z.object({
  step: z.enum(JOURNEY_STEPS),
  member: z.object({
    account: z.string(),
    name: z.string(),
    identityKind: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), apps: z.array(z.string()) }),
    /** The directory's phone, as typed (mainland without +86, foreign with 00). */
    phoneDisplay: z.string().nullable(),
    email: z.string().nullable(),
  }),
  binding: z
    .object({
      channel: z.enum(["PHONE", "EMAIL"]),
      display: z.string(),
      boundAt: z.date(),
      /** The member confirmed it by the product's code (a phone the directory did not hold). */
      confirmedByCode: z.boolean(),
    })
    .nullable(),
  wecom: z.object({
    state: z.enum(["ACTIVATED", "DISABLED", "NOT_ACTIVATED", "LEFT", "UNSUBSCRIBED", "NOT_IN_WECOM", "OUT_OF_RANGE"]).nullable(),
    stateAt: z.date().nullable(),
  }),
  /** The apps WeCom shows the member once they follow (troubleshoot/diagnosis.ts appsShown): what 「关注成功」 lists. */
  apps: z.array(z.string()),
  /** When the write into WeCom the member waits for was queued, while the step is syncing (the follow page says when it is slow). */
  syncingSince: z.date().nullable(),
  /** Why the member's entry could not be written to WeCom, when the step is syncFailed. */
  syncError: z.object({ phoneExists: z.boolean() }).nullable(),
  school: z.object({
    assistantAppName: z.string(),
    secondVerification: z.boolean(),
    allowEmail: z.boolean(),
    allowForeign: z.boolean(),
    confirmNewByCode: z.boolean(),
  }),
});
export type JourneyState = z.infer<typeof journeyStateOutput>;

/** The member's latest WeCom upsert job, from the school's own job rows (jobs/wecom-jobs.ts). */
function latestSyncJob(scope: TenantScope, memberId: string) {
  return scope.db.wecomJob.findFirst({
    where: { queue: QUEUES.wecomSync, kind: "member.upsert", subject: memberId },
    orderBy: { createdAt: "desc" },
    select: { state: true, lastErrcode: true, createdAt: true },
  });
}

export async function journeyState(scope: TenantScope): Promise<JourneyState> {
  if (scope.actor.kind !== "member") throw new AppError("UNAUTHENTICATED");
  const memberId = scope.actor.id;
  const [member, policy, connection, syncJob] = await Promise.all([
    scope.db.member.findUnique({
      where: { id: memberId },
      select: {
        account: true,
        name: true,
        phone: true,
        phoneDisplay: true,
        email: true,
        identityKind: { select: { code: true, nameZh: true, nameEn: true, apps: true } },
        binding: { select: { channel: true, value: true, boundAt: true, confirmedBy: true } },
        wecom: { select: { state: true, stateAt: true, writtenAt: true, mobile: true, email: true, rejoinConsentAt: true } },
      },
    }),
    phonePolicy(scope),
    scope.db.wecomConnection.findUniqueOrThrow({
      where: { tenantId: scope.tenant.id },
      select: { assistantAppName: true, secondVerification: true },
    }),
    latestSyncJob(scope, memberId),
  ]);
  if (!member) throw new AppError("UNAUTHENTICATED");
  const step = journeyStep({ phone: member.phone, email: member.email, binding: member.binding, wecom: member.wecom, syncJob });
  const binding = member.binding;
  return {
    step,
    member: {
      account: member.account,
      name: member.name,
      identityKind: member.identityKind,
      phoneDisplay: member.phoneDisplay,
      email: member.email,
    },
    binding: binding
      ? {
          channel: binding.channel,
          display: binding.channel === "PHONE" ? displayPhone(binding.value) : binding.value,
          boundAt: binding.boundAt,
          confirmedByCode: binding.confirmedBy === "CODE",
        }
      : null,
    wecom: { state: member.wecom?.state ?? null, stateAt: member.wecom?.stateAt ?? null },
    apps: appsShown({
      kindApps: member.identityKind.apps,
      assistantAppName: connection.assistantAppName,
      state: member.wecom?.state ?? null,
    }),
    syncingSince: step === "syncing" ? (syncJob?.createdAt ?? null) : null,
    syncError: step === "syncFailed" ? { phoneExists: syncJob?.lastErrcode === 60104 } : null,
    school: {
      assistantAppName: connection.assistantAppName,
      secondVerification: connection.secondVerification,
      allowEmail: policy.allowEmail,
      allowForeign: policy.allowForeign,
      confirmNewByCode: policy.confirmNewByCode,
    },
  };
}
