// The back office's changes to the directory. Each change and the WeCom sync
// job it causes commit together in one transaction.
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/locale";
import { audit } from "~/server/audit/audit";
import type { TenantDb } from "~/server/db/tenant-db";
import { AppError, fromUniqueViolation } from "~/server/errors";
import type { TenantContext } from "~/server/tenants/tenant-for-host";
import { enqueueWecomSync, wecomUserIdFor } from "~/server/wecom/sync";
import { accountInput } from "./account";
import { normalisePhone } from "./phone";
import { memberRowSelect } from "./member-directory";

const text = (max: number) => z.string().trim().max(max);
const email = z.union([z.literal(""), z.string().trim().email().max(254)]);

export const memberFieldsInput = z.object({
  name: text(100).min(1),
  identityKindCode: text(32).min(1),
  department: text(200).default(""),
  /** As typed: 11 mainland digits, or "00" + country code. Empty for none. */
  phone: text(24).default(""),
  email: email.default(""),
});

export const createMemberInput = memberFieldsInput.extend({ account: accountInput });

/** A field left out stays as it is; null or "" clears department, phone and email. No defaults here: a default would overwrite. */
export const updateMemberInput = z.object({
  memberId: z.string().uuid(),
  name: text(100).min(1).optional(),
  identityKindCode: text(32).min(1).optional(),
  department: text(200).nullable().optional(),
  phone: text(24).nullable().optional(),
  email: email.nullable().optional(),
});

type Deps = { prisma: PrismaClient; db: TenantDb; jobs: PgBoss; tenant: TenantContext; locale: Locale; actor: { adminId: string; ip: string | null } };

function phoneFields(typed: string | null | undefined, tenant: TenantContext) {
  if (typed === undefined) return {};
  if (typed === null || typed === "") return { phone: null, phoneDisplay: null };
  const phone = normalisePhone(typed, { allowForeign: tenant.allowForeignPhones });
  if (!phone.ok) throw new AppError(phone.reason === "FOREIGN_NOT_ALLOWED" ? "PHONE_FOREIGN_NOT_ALLOWED" : "PHONE_INVALID");
  return { phone: phone.e164, phoneDisplay: phone.display };
}

async function identityKindId(db: TenantDb, code: string | undefined): Promise<string | undefined> {
  if (code === undefined) return undefined;
  const kind = await db.identityKind.findFirst({ where: { code }, select: { id: true } });
  if (!kind) throw new AppError("INVALID_INPUT");
  return kind.id;
}

function duplicate(error: unknown, locale: Locale, account?: string): never {
  const appError = fromUniqueViolation(error, { account: { zh: "学工号", en: "Account number" }, phone: { zh: "手机号", en: "Phone" } }, locale);
  if (appError?.vars.field === "手机号" || appError?.vars.field === "Phone") throw new AppError("PHONE_BOUND_TO_OTHER_ACCOUNT");
  if (account !== undefined && (appError?.vars.field === "学工号" || appError?.vars.field === "Account number")) throw new AppError("ACCOUNT_ALREADY_EXISTS", { account });
  throw appError ?? error;
}

export async function createMember(deps: Deps, input: z.infer<typeof createMemberInput>) {
  const kindId = (await identityKindId(deps.db, input.identityKindCode))!;
  try {
    return await deps.db.$transaction(async (tx) => {
      const member = await tx.member.create({
        data: {
          tenantId: deps.tenant.id,
          account: input.account,
          name: input.name,
          identityKindId: kindId,
          department: input.department,
          email: input.email || null,
          ...phoneFields(input.phone, deps.tenant),
        },
        select: memberRowSelect,
      });
      await audit(tx, { actorKind: "tenantAdmin", actorId: deps.actor.adminId, action: "member.create", target: member.account, ip: deps.actor.ip });
      await enqueueWecomSync(deps.jobs, tx, { kind: "member.upsert", tenantId: deps.tenant.id, memberId: member.id });
      return member;
    });
  } catch (error) {
    duplicate(error, deps.locale, input.account);
  }
}

/** The fields an update may touch, as stored. */
const editableSelect = { account: true, name: true, identityKindId: true, department: true, phone: true, phoneDisplay: true, email: true } as const;
type Editable = Omit<Prisma.MemberGetPayload<{ select: typeof editableSelect }>, "account">;

export async function updateMember(deps: Deps, input: z.infer<typeof updateMemberInput>) {
  const kindId = await identityKindId(deps.db, input.identityKindCode);
  const wanted: Partial<Editable> = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(kindId !== undefined ? { identityKindId: kindId } : {}),
    ...(input.department !== undefined ? { department: input.department ?? "" } : {}),
    ...(input.email !== undefined ? { email: input.email || null } : {}),
    ...phoneFields(input.phone, deps.tenant),
  };
  try {
    return await deps.db.$transaction(async (tx) => {
      const before = await tx.member.findUnique({ where: { id: input.memberId }, select: editableSelect });
      if (!before) throw new AppError("NOT_FOUND");
      const data = Object.fromEntries(Object.entries(wanted).filter(([field, value]) => before[field as keyof Editable] !== value)) as Partial<Editable>;
      // The audit names what changed, as the admin sees it (identityKindCode, not its id; phone once).
      const changed = [
        ...new Set(Object.keys(data).map((field) => ({ identityKindId: "identityKindCode", phoneDisplay: "phone" })[field] ?? field)),
      ];
      if (changed.length === 0) return tx.member.findUniqueOrThrow({ where: { id: input.memberId }, select: memberRowSelect });
      const member = await tx.member.update({ where: { id: input.memberId }, data, select: memberRowSelect });
      await audit(tx, { actorKind: "tenantAdmin", actorId: deps.actor.adminId, action: "member.update", target: member.account, ip: deps.actor.ip, detail: { changed } });
      await enqueueWecomSync(deps.jobs, tx, { kind: "member.upsert", tenantId: deps.tenant.id, memberId: member.id });
      return member;
    });
  } catch (error) {
    duplicate(error, deps.locale);
  }
}

export async function deleteMember(deps: Deps, input: { memberId: string }) {
  return deps.db.$transaction(async (tx) => {
    const member = await tx.member.findUnique({ where: { id: input.memberId }, select: { id: true, account: true, wecomUserId: true } });
    if (!member) throw new AppError("NOT_FOUND");
    await tx.member.delete({ where: { id: member.id } });
    await audit(tx, { actorKind: "tenantAdmin", actorId: deps.actor.adminId, action: "member.delete", target: member.account, ip: deps.actor.ip });
    await enqueueWecomSync(deps.jobs, tx, {
      kind: "member.delete",
      tenantId: deps.tenant.id,
      memberId: member.id,
      wecomUserId: member.wecomUserId ?? wecomUserIdFor(member.account),
    });
    return { id: member.id };
  });
}
