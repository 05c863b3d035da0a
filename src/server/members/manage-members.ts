// The back office's changes to the directory. Each change and the WeCom sync
// job it causes commit together in one transaction.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/locale";
import { audit } from "~/server/audit/audit";
import type { TenantDb } from "~/server/db/tenant-db";
import { departmentPath } from "~/server/departments/department-path";
import { ensureDepartments } from "~/server/departments/ensure-departments";
import { AppError, fromUniqueViolation } from "~/server/errors";
import { auditActor, type TenantScope } from "~/server/scope";
import type { TenantContext } from "~/server/tenants/tenant-context";
import { wecomMobileOf } from "~/server/wecom/mobile";
import { enqueueWecomSync, wecomUserIdFor } from "~/server/wecom/sync";
import { accountInput } from "./account";
import { normaliseAdminPhone } from "./fixes/admin-phone";
import { idNumberFields, idNumberInput, idTypeInput } from "./id-number-fields";
import { adminMemberRow, adminMemberRowSelect } from "./member-directory";
import { profileFieldsInput, profileFieldsUpdate, profileOf } from "./member-profile";
import { ucasChanges, ucasSelect } from "./ucas-changes";

const text = (max: number) => z.string().trim().max(max);
const email = z.union([z.literal(""), z.string().trim().email().max(254)]);

export const memberFieldsInput = z.object({
  name: text(100).min(1),
  identityKindCode: text(32).min(1),
  department: text(200).default(""),
  /** As typed: 11 mainland digits, or "00" + country code. Empty for none. */
  phone: text(24).default(""),
  email: email.default(""),
  /** 证件类型 and 证件号 (UCAS 其他信息): the number is sealed and blind-indexed, never stored in clear. */
  idType: idTypeInput.default(""),
  idNumber: idNumberInput.default(""),
  ...profileFieldsInput.shape,
});

/** The UCAS member form of 【添加成员】 (FormField binds to it). */
export const createMemberInput = memberFieldsInput.extend({ account: accountInput });

/** A field left out stays as it is; null or "" clears department, phone and email. No defaults here: a default would overwrite. */
export const updateMemberInput = z.object({
  memberId: z.string().uuid(),
  name: text(100).min(1).optional(),
  identityKindCode: text(32).min(1).optional(),
  department: text(200).nullable().optional(),
  phone: text(24).nullable().optional(),
  email: email.nullable().optional(),
  /**
   * The admin agrees that a member who has activated WeCom is removed from WeCom and
   * created again for a phone change (WeCom ignores an activated member's new mobile):
   * the old WeChat loses access and the member must follow again.
   */
  confirmWecomRejoin: z.boolean().optional(),
  idType: idTypeInput.optional(),
  /** Empty or left out: the number stays as it is (the form shows it masked and cannot send it back). */
  idNumber: idNumberInput.optional(),
  ...profileFieldsUpdate.shape,
});

function phoneFields(typed: string | null | undefined, tenant: TenantContext) {
  if (typed === undefined) return {};
  if (typed === null || typed === "") return { phone: null, phoneDisplay: null };
  const phone = normaliseAdminPhone(typed, tenant);
  return { phone: phone.e164, phoneDisplay: phone.display };
}

async function identityKindId(db: TenantDb, code: string | undefined): Promise<string | undefined> {
  if (code === undefined) return undefined;
  const kind = await db.identityKind.findFirst({ where: { code }, select: { id: true } });
  if (!kind) throw new AppError("INVALID_INPUT");
  return kind.id;
}

function duplicate(error: unknown, locale: Locale, account?: string): never {
  const appError = fromUniqueViolation(
    error,
    { account: { zh: "学工号", en: "Account number" }, phone: { zh: "手机号", en: "Phone" }, email: { zh: "邮箱", en: "E-mail" } },
    locale,
  );
  if (appError?.vars.field === "手机号" || appError?.vars.field === "Phone") throw new AppError("PHONE_BOUND_TO_OTHER_ACCOUNT");
  // Like a phone: a directory e-mail address names one member (a code to it, a binding of it).
  if (appError?.vars.field === "邮箱" || appError?.vars.field === "E-mail") throw new AppError("EMAIL_ALREADY_EXISTS");
  if (account !== undefined && (appError?.vars.field === "学工号" || appError?.vars.field === "Account number"))
    throw new AppError("ACCOUNT_ALREADY_EXISTS", { account });
  throw appError ?? error;
}

export async function createMember(scope: TenantScope, raw: z.input<typeof createMemberInput>) {
  const input = createMemberInput.parse(raw);
  const kindId = (await identityKindId(scope.db, input.identityKindCode))!;
  // The id is made here so the ID number's ciphertext can be bound to its row.
  const id = randomUUID();
  const idNumber = idNumberFields(id, scope.tenant.id, input.idType, input.idNumber);
  try {
    return await scope.db.$transaction(async (tx) => {
      const member = await tx.member.create({
        data: {
          id,
          tenantId: scope.tenant.id,
          account: input.account,
          name: input.name,
          identityKindId: kindId,
          department: departmentPath(input.department),
          email: input.email || null,
          ...phoneFields(input.phone, scope.tenant),
          idType: input.idType || null,
          ...idNumber,
          profile: profileOf(input),
        },
        select: adminMemberRowSelect,
      });
      await audit(tx, {
        ...auditActor(scope.actor),
        action: "member.create",
        target: member.account,
      });
      await ensureDepartments(tx, scope, [member.department]);
      await enqueueWecomSync(scope.jobs, tx, { kind: "member.upsert", tenantId: scope.tenant.id, memberId: member.id });
      return adminMemberRow(member);
    });
  } catch (error) {
    duplicate(error, scope.locale, input.account);
  }
}

/** The fields an update may touch, as stored. */
const editableSelect = {
  account: true,
  name: true,
  identityKindId: true,
  department: true,
  phone: true,
  phoneDisplay: true,
  email: true,
} as const;

type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

/**
 * A phone change of a member who last said "activated" in WeCom takes the rejoin
 * path (sync.ts): refused unless the admin confirmed it, and the consent recorded
 * in the same transaction as the change. The consent also lets an admin confirm
 * a change WeCom ignored earlier (the phone in WeCom still differs): saving the
 * same phone again with the confirmation runs the sync once more.
 * Returns whether consent was recorded.
 */
async function rejoinConsent(
  tx: Tx,
  scope: TenantScope,
  input: z.infer<typeof updateMemberInput>,
  phoneBefore: string | null,
  phoneChanges: boolean,
): Promise<boolean> {
  const record = await tx.memberWecom.findUnique({
    where: { memberId: input.memberId },
    select: { state: true, mobile: true, writtenAt: true },
  });
  if (!record?.writtenAt) return false;
  const pendingInWecom = (phoneBefore ? wecomMobileOf(phoneBefore) : null) !== record.mobile;
  if (!phoneChanges && !(input.confirmWecomRejoin && pendingInWecom)) return false;
  if (!input.confirmWecomRejoin) {
    if (record.state === "ACTIVATED") throw new AppError("WECOM_REJOIN_CONSENT_REQUIRED");
    return false;
  }
  await tx.memberWecom.update({
    where: { memberId: input.memberId },
    data: { rejoinConsentAt: new Date(), rejoinConsentBy: auditActor(scope.actor).actorId },
  });
  return true;
}
type Editable = Omit<Prisma.MemberGetPayload<{ select: typeof editableSelect }>, "account">;

export async function updateMember(scope: TenantScope, raw: z.input<typeof updateMemberInput>) {
  const input = updateMemberInput.parse(raw);
  const kindId = await identityKindId(scope.db, input.identityKindCode);
  const wanted: Partial<Editable> = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(kindId !== undefined ? { identityKindId: kindId } : {}),
    ...(input.department !== undefined ? { department: departmentPath(input.department ?? "") } : {}),
    ...(input.email !== undefined ? { email: input.email || null } : {}),
    ...phoneFields(input.phone, scope.tenant),
  };
  try {
    return await scope.db.$transaction(async (tx) => {
      const before = await tx.member.findUnique({ where: { id: input.memberId }, select: { ...editableSelect, ...ucasSelect } });
      if (!before) throw new AppError("NOT_FOUND");
      const data = Object.fromEntries(
        Object.entries(wanted).filter(([field, value]) => before[field as keyof Editable] !== value),
      ) as Partial<Editable>;
      const ucas = ucasChanges(before, input, { memberId: input.memberId, tenantId: scope.tenant.id });
      // The audit names what changed, as the admin sees it (identityKindCode, not its id; phone once; never the ID number itself).
      const changed = [
        ...new Set(Object.keys(data).map((field) => ({ identityKindId: "identityKindCode", phoneDisplay: "phone" })[field] ?? field)),
        ...ucas.changed,
      ];
      const rejoin = await rejoinConsent(tx, scope, input, before.phone, data.phone !== undefined);
      if (changed.length === 0 && !rejoin)
        return adminMemberRow(await tx.member.findUniqueOrThrow({ where: { id: input.memberId }, select: adminMemberRowSelect }));
      if (data.department) await ensureDepartments(tx, scope, [data.department]);
      const member = await tx.member.update({
        where: { id: input.memberId },
        data: { ...data, ...ucas.data },
        select: adminMemberRowSelect,
      });
      await audit(tx, {
        ...auditActor(scope.actor),
        action: "member.update",
        target: member.account,
        detail: { changed, ...(rejoin ? { wecomRejoinConsent: true } : {}) },
      });
      await enqueueWecomSync(scope.jobs, tx, { kind: "member.upsert", tenantId: scope.tenant.id, memberId: member.id });
      return adminMemberRow(member);
    });
  } catch (error) {
    duplicate(error, scope.locale);
  }
}

export async function deleteMember(scope: TenantScope, input: { memberId: string }) {
  return scope.db.$transaction(async (tx) => {
    const member = await tx.member.findUnique({ where: { id: input.memberId }, select: memberToDeleteSelect });
    if (!member) throw new AppError("NOT_FOUND");
    await deleteMemberIn(tx, scope, member);
    return { id: member.id };
  });
}

/** What deleting a member needs to know of it: its WeCom userid and the mobile WeCom holds for it. */
export const memberToDeleteSelect = { id: true, account: true, wecomUserId: true, wecom: { select: { mobile: true } } } as const;
type MemberToDelete = Prisma.MemberGetPayload<{ select: typeof memberToDeleteSelect }>;

/** Deletes the member in the caller's transaction, audited, with its removal from WeCom queued beside it. */
export async function deleteMemberIn(tx: Tx, scope: TenantScope, member: MemberToDelete): Promise<void> {
  await tx.member.delete({ where: { id: member.id } });
  await audit(tx, {
    ...auditActor(scope.actor),
    action: "member.delete",
    target: member.account,
  });
  await enqueueWecomSync(scope.jobs, tx, {
    kind: "member.delete",
    tenantId: scope.tenant.id,
    memberId: member.id,
    wecomUserId: member.wecomUserId ?? wecomUserIdFor(member.account),
    ...(member.wecom?.mobile ? { mobile: member.wecom.mobile } : {}),
  });
}
