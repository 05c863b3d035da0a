// What the directory holds for one batch of rows: the members the rows name (accounts match
// whatever their case, as the unique index Member_tenantId_account_ci_key does), and who holds
// the rows' phones and e-mail addresses. One query each per batch, through the tenant-bound client
// or its transaction.
import type { Prisma } from "~/generated/prisma/client";
import type { TenantTx } from "~/server/db/tenant-db";
import type { ExistingMember } from "./judge-row";
import type { ParsedRow } from "./parse-row";

const existingSelect = {
  id: true,
  account: true,
  name: true,
  identityKindId: true,
  department: true,
  phone: true,
  phoneDisplay: true,
  email: true,
  idType: true,
  idNumberHash: true,
  wecom: { select: { state: true, writtenAt: true } },
} as const satisfies Prisma.MemberSelect;

export type BatchDirectory = {
  member(account: string): ExistingMember | undefined;
  phoneHolder(phone: string | undefined): string | undefined;
  emailHolder(email: string | undefined): string | undefined;
};

export async function lookUpBatch(db: TenantTx, rows: readonly ParsedRow[]): Promise<BatchDirectory> {
  const accounts = [...new Set(rows.map((r) => r.account).filter(Boolean))];
  const phones = [...new Set(rows.flatMap((r) => (r.values.phone ? [r.values.phone] : [])))];
  const emails = [...new Set(rows.flatMap((r) => (r.values.email ? [r.values.email] : [])))];
  const [members, phoneHolders, emailHolders] = await Promise.all([
    accounts.length ? db.member.findMany({ where: { account: { in: accounts, mode: "insensitive" } }, select: existingSelect }) : [],
    phones.length ? db.member.findMany({ where: { phone: { in: phones } }, select: { account: true, phone: true } }) : [],
    emails.length
      ? db.member.findMany({ where: { email: { in: emails, mode: "insensitive" } }, select: { account: true, email: true } })
      : [],
  ]);
  const byAccount = new Map(
    members.map(({ wecom, ...m }) => [
      m.account.toLowerCase(),
      { ...m, wecomActivated: wecom?.writtenAt != null && wecom.state === "ACTIVATED" } satisfies ExistingMember,
    ]),
  );
  const byPhone = new Map(phoneHolders.map((m) => [m.phone, m.account]));
  const byEmail = new Map(emailHolders.map((m) => [m.email?.trim().toLowerCase(), m.account]));
  return {
    member: (account) => byAccount.get(account.toLowerCase()),
    phoneHolder: (phone) => (phone ? byPhone.get(phone) : undefined),
    emailHolder: (email) => (email ? byEmail.get(email.toLowerCase()) : undefined),
  };
}
