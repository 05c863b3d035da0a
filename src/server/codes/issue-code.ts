// Sending a code: the school's policy decides how often, the database enforces it for
// every app instance at once, only the code's keyed hash is stored, and the provider
// the operator chose delivers the text.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { encryptionKey } from "~/server/crypto/keys";
import { AppError } from "~/server/errors";
import { pick } from "~/i18n/locale";
import { phonePolicy, refuseCountryIfNeeded } from "~/server/members/phone-policy";
import { countryCallingCode } from "~/server/members/phone";
import type { TenantScope } from "~/server/scope";
import { destinationTag, hashCode } from "./code-hash";
import { emailDestination, maskDestination, phoneDestination } from "./destination";
import { generateCode } from "./generate-code";
import { codePolicy, ttlMinutes } from "./policy";
import { codeProviders } from "./providers/choose";
import { DeliveryError, type CodeMessage, type CodeProviders } from "./providers/provider";
import { CODE_PURPOSES, PURPOSE_CHANNELS } from "./purposes";
import { countSend } from "./send-limits";

const common = {
  purpose: z.enum(CODE_PURPOSES),
  /** The member the code is for; absent for a code asked before sign-in (forgot password). */
  memberId: z.string().uuid().optional(),
  /** The client's address (src/server/http/client-address.ts); null when unknown. */
  ip: z.string().max(64).nullable(),
};

export const issueCodeInput = z
  .discriminatedUnion("channel", [
    z.object({ channel: z.literal("SMS"), destination: phoneDestination, ...common }),
    z.object({ channel: z.literal("EMAIL"), destination: emailDestination, ...common }),
  ])
  .refine((input) => PURPOSE_CHANNELS[input.purpose].includes(input.channel), {
    path: ["channel"],
    message: "this purpose is not confirmed through this channel",
  });
export type IssueCodeInput = z.input<typeof issueCodeInput>;

export type IssuedCode = {
  codeId: string;
  channel: "SMS" | "EMAIL";
  expiresAt: Date;
  /** When the member may ask again, for the page's countdown. */
  resendAfterSeconds: number;
  ttlMinutes: number;
};

export type IssueOptions = {
  /**
   * Write and count the code exactly as if it were sent, but send nothing: the answer to a request
   * that must not tell whether the account it names exists (forgot password). Its code is random and
   * known to nobody, so trying it behaves like trying a real one (tries left, too many tries).
   */
  decoy?: boolean;
};

/**
 * Sends a new code for (purpose, destination, member) and supersedes the one sent before.
 * Refuses with CODE_RESEND_TOO_SOON, CODE_DAILY_LIMIT, MEMBER_DAILY_VALUES_LIMIT,
 * CODE_ADDRESS_DAILY_LIMIT, CODE_SCHOOL_BUDGET_SPENT or CODE_PLATFORM_BUDGET_SPENT (send-limits.ts),
 * or the provider's refusal. `providers` is the operator's choice; tests pass their own.
 */
export async function issueCode(
  scope: TenantScope,
  rawInput: IssueCodeInput,
  providers: CodeProviders = codeProviders(),
  options: IssueOptions = {},
): Promise<IssuedCode> {
  const input = issueCodeInput.parse(rawInput);
  const memberId = input.memberId ?? null;
  const deliver = deliveryFor(providers, input.channel, input.destination);
  // Every text abroad costs several mainland ones and premium foreign ranges are what SMS pumping aims at.
  if (input.channel === "SMS") refuseCountryIfNeeded(await phonePolicy(scope), countryCallingCode(input.destination));
  const policy = await codePolicy(scope);
  const key = encryptionKey();
  await countSend(scope, policy, {
    purpose: input.purpose,
    tag: destinationTag(key, scope.tenant.id, input.destination),
    memberId,
    ip: input.ip,
  });

  const code = generateCode(policy.length);
  const id = randomUUID();
  const binding = { id, tenantId: scope.tenant.id, purpose: input.purpose, destination: input.destination };
  const expiresAt = new Date(Date.now() + policy.ttlSeconds * 1000);
  try {
    await scope.db.$transaction(async (tx) => {
      // The earlier code stops working the moment a new one exists: only the latest message counts.
      await tx.verificationCode.updateMany({
        where: { purpose: input.purpose, destination: input.destination, memberId, consumedAt: null, supersededAt: null },
        data: { supersededAt: new Date() },
      });
      await tx.verificationCode.create({
        data: {
          id,
          tenantId: scope.tenant.id,
          purpose: input.purpose,
          channel: input.channel,
          destination: input.destination,
          memberId,
          codeHash: hashCode(key, binding, code),
          expiresAt,
          maxAttempts: policy.maxAttempts,
          ip: input.ip,
        },
      });
    });
  } catch (error) {
    // The live-code index: a concurrent send for the same member won the race (the resend counter makes this all but impossible).
    if ((error as { code?: string }).code === "P2002") throw new AppError("CODE_RESEND_TOO_SOON", { seconds: policy.resendSeconds });
    throw error;
  }

  const log = scope.log.child({ codeId: id, purpose: input.purpose, channel: input.channel, to: maskDestination(input.destination) });
  const message = {
    purpose: input.purpose,
    code,
    ttlMinutes: ttlMinutes(policy),
    school: pick(scope.locale, { zh: scope.tenant.name, en: scope.tenant.nameEn || scope.tenant.name }),
    locale: scope.locale,
  };
  if (options.decoy) {
    log.info("codes.decoy");
    return { codeId: id, channel: input.channel, expiresAt, resendAfterSeconds: policy.resendSeconds, ttlMinutes: message.ttlMinutes };
  }
  try {
    await deliver.send(scope, message);
  } catch (error) {
    if (!(error instanceof DeliveryError)) {
      log.error({ err: error }, "codes.send_failed");
      throw error;
    }
    if (error.outcome === "unknown") {
      // It may still arrive: keep it usable, and let the member ask again once the interval is over.
      log.warn({ providerCode: error.providerCode }, "codes.send_uncertain");
      throw new AppError("CODE_DELIVERY_UNCERTAIN", { seconds: policy.resendSeconds });
    }
    await scope.db.verificationCode.updateMany({ where: { id, consumedAt: null, supersededAt: null }, data: { supersededAt: new Date() } });
    log.warn({ providerCode: error.providerCode }, "codes.send_refused");
    throw error.refusal;
  }
  log.info({ provider: deliver.provider }, "codes.issued");
  if (Math.random() < 0.01) await pruneOldCodes(scope);
  return { codeId: id, channel: input.channel, expiresAt, resendAfterSeconds: policy.resendSeconds, ttlMinutes: message.ttlMinutes };
}

/** The provider that will carry this code, or the refusal known before anything is counted. */
function deliveryFor(providers: CodeProviders, channel: "SMS" | "EMAIL", destination: string) {
  if (channel === "SMS") {
    const sms = providers.sms;
    if (!sms) throw new AppError("CODE_SMS_NOT_CONFIGURED");
    const refusal = sms.cannotReach(destination);
    if (refusal) throw refusal;
    return {
      provider: sms.name,
      send: (scope: TenantScope, message: CodeMessage) => sms.sendSms(scope, { ...message, phone: destination }),
    };
  }
  const email = providers.email;
  if (!email) throw new AppError("CODE_EMAIL_NOT_CONFIGURED");
  return {
    provider: email.name,
    send: (scope: TenantScope, message: CodeMessage) => email.sendEmail(scope, { ...message, email: destination }),
  };
}

/** Codes are worth nothing after their few minutes; the rows (and the outbox's texts) are not kept past a week. */
const KEEP_DAYS = 7;

async function pruneOldCodes(scope: TenantScope): Promise<void> {
  const before = new Date(Date.now() - KEEP_DAYS * 24 * 60 * 60 * 1000);
  await scope.db.verificationCode.deleteMany({ where: { createdAt: { lt: before } } });
  await scope.db.outboxMessage.deleteMany({ where: { createdAt: { lt: before } } });
}
