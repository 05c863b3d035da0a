// What the journey's pages show the signed-in member: who they are (and what their identity
// kind may see in WeCom), what the directory holds, the binding, the school's settings for the
// bind page, WeCom's last word on them, and from these the step they are at (journey-step.ts).
import { z } from "zod";
import { displayPhone } from "~/server/codes/destination";
import { AppError } from "~/server/errors";
import { QUEUES } from "~/server/jobs/queue";
import { phonePolicy } from "~/server/members/phone-policy";
import { unscopedClient, type TenantScope } from "~/server/scope";
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
  binding: z.object({ channel: z.enum(["PHONE", "EMAIL"]), display: z.string(), boundAt: z.date() }).nullable(),
  wecom: z.object({
    state: z.enum(["ACTIVATED", "DISABLED", "NOT_ACTIVATED", "LEFT", "UNSUBSCRIBED", "NOT_IN_WECOM", "OUT_OF_RANGE"]).nullable(),
    stateAt: z.date().nullable(),
  }),
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

type SyncJobRow = { state: string; errcode: string | null };

/** The member's latest WeCom upsert job: pg-boss's table is outside Prisma, so the query names the school itself. */
async function latestSyncJob(scope: TenantScope, memberId: string): Promise<SyncJobRow | null> {
  const rows = await unscopedClient(scope).$queryRawUnsafe<SyncJobRow[]>(
    `SELECT state::text AS state, output->>'errcode' AS errcode FROM pgboss.job
      WHERE name = $1 AND data->>'tenantId' = $2 AND data->>'memberId' = $3 AND data->>'kind' = 'member.upsert'
      ORDER BY created_on DESC LIMIT 1`,
    QUEUES.wecomSync,
    scope.tenant.id,
    memberId,
  );
  return rows[0] ?? null;
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
        binding: { select: { channel: true, value: true, boundAt: true } },
        wecom: { select: { state: true, stateAt: true, writtenAt: true, mobile: true, email: true } },
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
        }
      : null,
    wecom: { state: member.wecom?.state ?? null, stateAt: member.wecom?.stateAt ?? null },
    syncError: step === "syncFailed" ? { phoneExists: syncJob?.errcode === "60104" } : null,
    school: {
      assistantAppName: connection.assistantAppName,
      secondVerification: connection.secondVerification,
      allowEmail: policy.allowEmail,
      allowForeign: policy.allowForeign,
      confirmNewByCode: policy.confirmNewByCode,
    },
  };
}
