// 账号激活 of a candidate (UESTC's manual, 附件一): a person in the built-in directory who has no password
// yet reads the notice, proves who they are (考生号, 姓名, 证件类型, 证件号码), confirms a phone and an
// e-mail address by code, and sets a password; the account is then theirs and they go on to follow
// the school's WeCom (附件二).
//
// The steps are carried from page to page in a sealed state (AES-GCM under the app's key, bound to the
// school; the routes keep it in an HttpOnly cookie of the /activate pages), which says how far this
// person got: a form can name no other member and skip no step, and the state dies after 30 minutes.
//
// The identity check never says which field was wrong, nor whether the 考生号 exists: every mismatch
// is the same refusal, counted in the database per 考生号, per ID number and (generously: a campus or
// dormitory NAT puts hundreds behind one address) per address. Only once all four fields match does
// the page say an account is activated already, or signs in at the school's own server.
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { bindingTarget, refuseForeignIfNeeded, type BindingTarget } from "~/server/bindings/binding-target";
import { judgeBinding, refuseIfNeeded } from "~/server/bindings/binding-rules";
import { issueCode, type IssuedCode } from "~/server/codes/issue-code";
import { countMemberValue } from "~/server/codes/member-values";
import { maskDestination } from "~/server/codes/destination";
import { verifyCodeAndApply } from "~/server/codes/verify-code";
import { encryptionKey } from "~/server/crypto/keys";
import { blindIndex, decryptSecret, encryptSecret, normaliseIdNumber, sealContext } from "~/server/crypto/secrets";
import { AppError } from "~/server/errors";
import { addressKey } from "~/server/http/address-key";
import { effectiveProvider } from "~/server/identity/kind-provider";
import { checkResidentId } from "~/server/members/id-number";
import { ID_TYPES, RESIDENT_ID } from "~/server/members/member-profile";
import { phonePolicy } from "~/server/members/phone-policy";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { assertNotRateLimited, consumeRateLimit, enforceRateLimit, type RateLimitRule } from "~/server/security/rate-limit";
import { enqueueWecomSync } from "~/server/wecom/sync";
import { hashPassword } from "./passwords";
import { newPassword } from "./password-policy";

/** The whole activation, from the notice to the password: long enough for a slow text or e-mail, short enough to die unused. */
export const ACTIVATION_TTL_MS = 30 * 60 * 1000;

/**
 * Failed identity checks. Per 考生号 and per ID number: five wrong tries an hour, enough for a
 * mistyped name or digit, far too few to guess a stranger's ID number. Per address: 100 a quarter
 * hour, so one NAT address of a campus keeps working while one client cannot sweep the list.
 */
export const ACTIVATION_LIMITS = {
  perAccount: { limit: 5, windowSeconds: 60 * 60 },
  perIdNumber: { limit: 5, windowSeconds: 60 * 60 },
  perAddress: { limit: 100, windowSeconds: 15 * 60 },
  /** Each try of the last step costs an argon2 hash: a few a quarter hour per member. */
  finishPerMember: { limit: 10, windowSeconds: 15 * 60 },
} as const;

const phoneState = z.object({ value: z.string(), display: z.string(), confirmed: z.boolean() });
const emailState = z.object({ value: z.string(), confirmed: z.boolean() });
const stateBody = z.object({
  /** The identity kind the login page was for (?kind=): the pages name its account (考生号). */
  kind: z.string().nullable(),
  /** Set once the identity check passed. */
  memberId: z.string().uuid().nullable(),
  account: z.string().nullable(),
  phone: phoneState.nullable(),
  email: emailState.nullable(),
  expiresAt: z.number().int(),
});
export type ActivationState = z.infer<typeof stateBody>;
export type ActivationStep = "identity" | "phone" | "email" | "password";

/** Where the person is: the first step not done yet. */
export function activationStep(state: ActivationState): ActivationStep {
  if (!state.memberId) return "identity";
  if (!state.phone?.confirmed) return "phone";
  if (!state.email?.confirmed) return "email";
  return "password";
}

const contextOf = (tenantId: string) => sealContext("AccountActivation", "state", tenantId);

export function sealActivation(tenantId: string, state: ActivationState): string {
  return encryptSecret(JSON.stringify(stateBody.parse(state)), encryptionKey(), contextOf(tenantId));
}

/** The state sealed for this school while it lasts; otherwise ACTIVATION_EXPIRED (start again). */
export function openActivation(tenantId: string, sealed: string | null | undefined, now = Date.now()): ActivationState {
  if (!sealed) throw new AppError("ACTIVATION_EXPIRED");
  let state: ActivationState;
  try {
    state = stateBody.parse(JSON.parse(decryptSecret(sealed, encryptionKey(), contextOf(tenantId))));
  } catch {
    throw new AppError("ACTIVATION_EXPIRED");
  }
  if (state.expiresAt <= now) throw new AppError("ACTIVATION_EXPIRED");
  return state;
}

/** The state as the page of `step` needs it: a post for a step not reached yet (or done already) is refused. */
export function requireStep(state: ActivationState, step: ActivationStep): ActivationState & { memberId: string } {
  const at = activationStep(state);
  if (at !== step) throw new AppError("ACTIVATION_EXPIRED");
  return state as ActivationState & { memberId: string };
}

export const startActivationInput = z.object({
  /** The checkbox 「我已阅读激活须知」: "on" when ticked, absent otherwise. */
  read: z.string().optional(),
  kind: z
    .string()
    .regex(/^[a-z0-9_-]{1,32}$/)
    .optional()
    .catch(undefined),
});

/** 【进入激活】: only with the notice read; the 30 minutes start now. */
export function startActivation(tenantId: string, input: z.input<typeof startActivationInput>, now = Date.now()): string {
  const typed = startActivationInput.parse(input);
  if (typed.read !== "on") throw new AppError("ACTIVATION_NOTICE_UNREAD");
  return sealActivation(tenantId, {
    kind: typed.kind ?? null,
    memberId: null,
    account: null,
    phone: null,
    email: null,
    expiresAt: now + ACTIVATION_TTL_MS,
  });
}

export const activationIdentityInput = z.object({
  account: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(100),
  idType: z.string().refine((v) => ID_TYPES.some((t) => t.zh === v)),
  idNumber: z.string().max(64).transform(normaliseIdNumber).pipe(z.string().min(1).max(32)),
});

/** A name as typed and as listed, compared alike: full-width forms folded, spaces trimmed and single. */
const comparableName = (name: string) => name.normalize("NFKC").trim().replace(/\s+/g, " ");

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function identityRules(scope: TenantScope, account: string, idHash: string): RateLimitRule[] {
  const t = scope.tenant.id;
  return [
    { key: `activate:account:${t}:${account.toLowerCase()}`, ...ACTIVATION_LIMITS.perAccount },
    { key: `activate:id:${t}:${idHash}`, ...ACTIVATION_LIMITS.perIdNumber },
    { key: `activate:address:${t}:${addressKey(scope.actor.ip)}`, ...ACTIVATION_LIMITS.perAddress },
  ];
}

/**
 * 身份校验: the four fields against the directory. A resident ID's check digit is checked first, with
 * its own message (it says nothing about anybody). Then every mismatch, an unknown 考生号 included,
 * is the one refusal ACTIVATION_IDENTITY_MISMATCH, counted; a throttled try is refused before the
 * directory is read.
 */
export async function checkActivationIdentity(
  scope: TenantScope,
  state: ActivationState,
  input: z.input<typeof activationIdentityInput>,
): Promise<ActivationState> {
  requireStep(state, "identity");
  const typed = activationIdentityInput.parse(input);
  if (typed.idType === RESIDENT_ID) {
    const verdict = checkResidentId(typed.idNumber);
    if (verdict === "format") throw new AppError("ACTIVATION_ID_FORMAT");
    if (verdict === "checkDigit") throw new AppError("ACTIVATION_ID_CHECK_DIGIT");
  }
  const idHash = blindIndex(typed.idNumber, encryptionKey(), scope.tenant.id);
  const rules = identityRules(scope, typed.account, idHash);
  const raw = unscopedClient(scope);
  for (const rule of rules) await assertNotRateLimited(raw, rule);

  const member = await scope.db.member.findFirst({
    where: { account: { equals: typed.account, mode: "insensitive" } },
    select: {
      id: true,
      account: true,
      name: true,
      idType: true,
      idNumberHash: true,
      passwordHash: true,
      identityKind: { select: { code: true, providerKind: true } },
    },
  });
  const matches =
    member !== null &&
    member.idNumberHash !== null &&
    sameText(member.idNumberHash, idHash) &&
    (member.idType ?? RESIDENT_ID) === typed.idType &&
    comparableName(member.name) === comparableName(typed.name);
  if (!member || !matches) {
    for (const rule of rules) await consumeRateLimit(raw, rule);
    scope.log.info("activation.identity.mismatch");
    throw new AppError("ACTIVATION_IDENTITY_MISMATCH");
  }
  // The person is who they say: now the account's own state may be told.
  if (effectiveProvider(scope.tenant, member.identityKind.providerKind) !== "BUILTIN") throw new AppError("ACTIVATION_NOT_NEEDED");
  if (member.passwordHash !== null) throw new AppError("ACTIVATION_ALREADY_DONE");
  await audit(scope.db, {
    actorKind: "member",
    actorId: member.id,
    ip: scope.actor.ip,
    action: "member.activation.identity",
    target: member.account,
  });
  return { ...state, kind: member.identityKind.code, memberId: member.id, account: member.account };
}

export const activationValueInput = z.object({ value: z.string().trim().min(1).max(254) });
export const activationCodeInput = z.object({ code: z.string().trim().min(1).max(32) });

type Channel = "PHONE" | "EMAIL";
const purposeOf = (channel: Channel) => (channel === "PHONE" ? "ACTIVATE_PHONE" : "ACTIVATE_EMAIL");

/** The typed phone or address as the directory would hold it, refused as the bind page refuses it. */
async function targetFor(scope: TenantScope, memberId: string, channel: Channel, typed: string): Promise<BindingTarget> {
  const policy = await phonePolicy(scope);
  const target = bindingTarget(typed, { allowEmail: channel === "EMAIL" });
  if (target.channel !== channel) throw new AppError("EMAIL_INVALID");
  refuseForeignIfNeeded(target, policy);
  // The member's budget of new values a day, before anything is said about this one (codes/member-values.ts).
  await countMemberValue(scope, memberId, target.value);
  refuseIfNeeded(await judgeBinding(scope.db, memberId, target));
  return target;
}

/**
 * 【获取验证码】 of the phone step (the phone the person's WeChat is bound to) or of the e-mail step.
 * A resend names the value already in the state.
 */
export async function sendActivationCode(
  scope: TenantScope,
  state: ActivationState,
  channel: Channel,
  input: { value?: string | null },
): Promise<{ state: ActivationState; issued: IssuedCode; to: string }> {
  const at = requireStep(state, channel === "PHONE" ? "phone" : "email");
  const held = channel === "PHONE" ? at.phone?.display : at.email?.value;
  const typed = activationValueInput.parse({ value: input.value || held || "" });
  const target = await targetFor(scope, at.memberId, channel, typed.value);
  const issued = await issueCode(scope, {
    purpose: purposeOf(channel),
    channel: channel === "PHONE" ? "SMS" : "EMAIL",
    destination: target.value,
    memberId: at.memberId,
    ip: scope.actor.ip,
  });
  const next: ActivationState =
    channel === "PHONE"
      ? { ...at, phone: { value: target.value, display: target.display, confirmed: false } }
      : { ...at, email: { value: target.value, confirmed: false } };
  return { state: next, issued, to: target.display };
}

/** 【下一步】 with the code: the phone (or address) in the state is the person's. */
export async function confirmActivationCode(
  scope: TenantScope,
  state: ActivationState,
  channel: Channel,
  input: z.input<typeof activationCodeInput>,
): Promise<ActivationState> {
  const at = requireStep(state, channel === "PHONE" ? "phone" : "email");
  const pending = channel === "PHONE" ? at.phone : at.email;
  if (!pending) throw new AppError("CODE_NOT_REQUESTED");
  const { code } = activationCodeInput.parse(input);
  await verifyCodeAndApply(scope, { purpose: purposeOf(channel), destination: pending.value, memberId: at.memberId, code }, async () => {});
  return channel === "PHONE" ? { ...at, phone: { ...at.phone!, confirmed: true } } : { ...at, email: { ...at.email!, confirmed: true } };
}

export const activationPasswordInput = z
  .object({ newPassword, confirmPassword: z.string().max(256) })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "password.rule.confirm" });

const isUniqueViolation = (error: unknown) => error instanceof Error && (error as { code?: string }).code === "P2002";

/**
 * The last step: the password, and with it everything confirmed on the way (the phone, the address)
 * written in one transaction with its audit row and the WeCom sync of the new phone. Only an account
 * still without a password is written: of two tabs finishing at once, one wins and the other is told
 * the account is activated.
 */
export async function completeActivation(
  scope: TenantScope,
  state: ActivationState,
  input: z.input<typeof activationPasswordInput>,
): Promise<{ memberId: string; account: string; sessionVersion: number }> {
  const at = requireStep(state, "password");
  const typed = activationPasswordInput.parse(input);
  await enforceRateLimit(unscopedClient(scope), {
    key: `activate:finish:${scope.tenant.id}:${at.memberId}`,
    ...ACTIVATION_LIMITS.finishPerMember,
  });
  const passwordHash = await hashPassword(typed.newPassword);
  const phone = bindingTarget(at.phone!.display, { allowEmail: false });
  const email = bindingTarget(at.email!.value, { allowEmail: true });
  try {
    return await scope.db.$transaction(async (tx) => {
      // Judged again on what the transaction sees: the codes may be minutes old.
      refuseIfNeeded(await judgeBinding(tx, at.memberId, phone));
      refuseIfNeeded(await judgeBinding(tx, at.memberId, email));
      const written = await tx.member.updateMany({
        where: { id: at.memberId, passwordHash: null },
        data: {
          passwordHash,
          phone: phone.value,
          phoneDisplay: phone.display,
          email: email.value,
          mustChangePassword: false,
          failedLoginCount: 0,
          lockedUntil: null,
          sessionVersion: { increment: 1 },
          lastSignInAt: new Date(),
        },
      });
      if (written.count !== 1) throw new AppError("ACTIVATION_ALREADY_DONE");
      const member = await tx.member.findUniqueOrThrow({ where: { id: at.memberId }, select: { account: true, sessionVersion: true } });
      // WeCom gets the confirmed phone through the durable sync, as the bind step's write does.
      await enqueueWecomSync(scope.jobs, tx, { kind: "member.upsert", tenantId: scope.tenant.id, memberId: at.memberId });
      await audit(tx, {
        actorKind: "member",
        actorId: at.memberId,
        ip: scope.actor.ip,
        action: "member.activation.completed",
        target: member.account,
        detail: { phone: maskDestination(phone.value), email: maskDestination(email.value) },
      });
      return { memberId: at.memberId, account: member.account, sessionVersion: member.sessionVersion };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another member took the phone or address between the check and the write.
    refuseIfNeeded(await judgeBinding(scope.db, at.memberId, phone));
    throw new AppError("EMAIL_ALREADY_EXISTS");
  }
}
