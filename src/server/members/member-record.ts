// A member's page in the back office: the record (the ID number masked), the state here and in
// WeCom, the phone binding and its history, sign-in and lockout, the audit trail and the helpdesk
// cases: what the helpdesk reads before pressing one of the FAQ fixes (fixes/).
import { z } from "zod";
import { decryptSecret, maskIdNumber, sealContext } from "~/server/crypto/secrets";
import { encryptionKey } from "~/server/crypto/keys";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { adminMemberRow, adminMemberRowOutput, adminMemberRowSelect } from "./member-directory";
import { readProfile, PROFILE_KEYS } from "./member-profile";

const TRAIL = 50;

const auditRowOutput = z.object({
  id: z.string(),
  action: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.unknown(),
  createdAt: z.date(),
});

export const memberRecordOutput = z.object({
  member: adminMemberRowOutput.extend({
    identityKindCode: z.string(),
    idType: z.string().nullable(),
    /** Masked (1101**********1234): the page never receives the number. */
    idNumberMasked: z.string().nullable(),
    profile: z.object(Object.fromEntries(PROFILE_KEYS.map((k) => [k, z.string().optional()]))),
    failedLoginCount: z.number(),
    lastSignInAt: z.date().nullable(),
    createdAt: z.date(),
  }),
  binding: z.object({ channel: z.string(), value: z.string(), confirmedBy: z.string(), boundAt: z.date() }).nullable(),
  wecom: z.object({ writtenAt: z.date().nullable(), mobile: z.string().nullable(), rejoinConsentAt: z.date().nullable() }).nullable(),
  /** The member's latest WeCom jobs, newest first: what the fixes queued and how it went. */
  jobs: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      state: z.string(),
      createdAt: z.date(),
      lastError: z.string().nullable(),
      lastErrorEn: z.string().nullable(),
    }),
  ),
  /** Rows about the member (target: their account) and the member's own (their sign-ins), newest first. */
  trail: z.array(auditRowOutput),
  cases: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      status: z.string(),
      valueDisplay: z.string().nullable(),
      note: z.string(),
      createdAt: z.date(),
    }),
  ),
});

function maskedIdNumber(sealed: string | null, memberId: string): string | null {
  if (!sealed) return null;
  try {
    return maskIdNumber(decryptSecret(sealed, encryptionKey(), sealContext("Member", "idNumberEnc", memberId)));
  } catch {
    // A value that does not open here (another key, another row) is shown as present, never as a guess.
    return "********";
  }
}

export async function memberRecord(scope: TenantScope, input: { memberId: string }) {
  const { db } = scope;
  const row = await db.member.findUnique({
    where: { id: input.memberId },
    select: {
      ...adminMemberRowSelect,
      identityKind: { select: { code: true, nameZh: true, nameEn: true } },
      idType: true,
      idNumberEnc: true,
      profile: true,
      failedLoginCount: true,
      lastSignInAt: true,
      createdAt: true,
      binding: { select: { channel: true, value: true, confirmedBy: true, boundAt: true } },
      wecom: { select: { state: true, stateAt: true, stateSource: true, mobile: true, writtenAt: true, rejoinConsentAt: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const [trail, cases, jobs] = await Promise.all([
    db.auditLog.findMany({
      where: { OR: [{ target: row.account }, { actorId: row.id }] },
      select: { id: true, action: true, actorKind: true, actorId: true, ip: true, detail: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: TRAIL,
    }),
    db.helpdeskCase.findMany({
      where: { memberId: row.id },
      select: { id: true, kind: true, status: true, valueDisplay: true, note: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    db.wecomJob.findMany({
      where: { subject: row.id },
      select: { id: true, kind: true, state: true, createdAt: true, lastError: true, lastErrorEn: true },
      orderBy: { createdAt: "desc" },
      take: 10,
    }),
  ]);
  const { idNumberEnc, profile, binding, ...rest } = row;
  return {
    member: {
      ...adminMemberRow(rest),
      identityKindCode: row.identityKind.code,
      idType: row.idType,
      idNumberMasked: maskedIdNumber(idNumberEnc, row.id),
      profile: readProfile(profile),
      failedLoginCount: row.failedLoginCount,
      lastSignInAt: row.lastSignInAt,
      createdAt: row.createdAt,
    },
    binding,
    wecom: row.wecom ? { writtenAt: row.wecom.writtenAt, mobile: row.wecom.mobile, rejoinConsentAt: row.wecom.rejoinConsentAt } : null,
    jobs,
    trail,
    cases,
  };
}

export const identityKindChoicesOutput = z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }));

/** The school's identity kinds, for the list's filter and the member form's choice. */
export function identityKindChoices({ db }: TenantScope) {
  return db.identityKind.findMany({ select: { code: true, nameZh: true, nameEn: true }, orderBy: { sortOrder: "asc" } });
}
