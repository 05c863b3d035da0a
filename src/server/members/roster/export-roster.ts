// The directory as a roster file, in the columns the import takes (fields.ts EXPORT_HEADERS), so an
// export imports back unchanged. ID numbers are masked unless the admin may see them and asked;
// every export is audited (how many members, which format, whether ID numbers were in full).
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { decryptSecret, maskIdNumber, sealContext } from "~/server/crypto/secrets";
import { encryptionKey } from "~/server/crypto/keys";
import { auditActor, type TenantScope } from "~/server/scope";
import type { RosterField } from "./fields";

export type ExportRow = Record<RosterField, string>;
export type ExportOptions = { format: "csv" | "xlsx"; fullIdNumbers: boolean };

const exportSelect = {
  id: true,
  account: true,
  name: true,
  department: true,
  phoneDisplay: true,
  email: true,
  idType: true,
  idNumberEnc: true,
  identityKind: { select: { nameZh: true } },
} as const satisfies Prisma.MemberSelect;

const PAGE = 1000;

function exportRow(m: Prisma.MemberGetPayload<{ select: typeof exportSelect }>, fullIdNumbers: boolean): ExportRow {
  const idNumber = m.idNumberEnc ? decryptSecret(m.idNumberEnc, encryptionKey(), sealContext("Member", "idNumberEnc", m.id)) : "";
  return {
    account: m.account,
    name: m.name,
    identityKind: m.identityKind.nameZh,
    department: m.department,
    phone: m.phoneDisplay ?? "",
    email: m.email ?? "",
    idType: m.idType ?? "",
    idNumber: fullIdNumbers ? idNumber : idNumber && maskIdNumber(idNumber),
  };
}

/** The school's members in account order, a page at a time. */
export async function* exportRows(scope: TenantScope, fullIdNumbers: boolean): AsyncGenerator<ExportRow> {
  let after: string | undefined;
  for (;;) {
    const page = await scope.db.member.findMany({
      select: exportSelect,
      orderBy: { account: "asc" },
      take: PAGE,
      ...(after ? { where: { account: { gt: after } } } : {}),
    });
    for (const member of page) yield exportRow(member, fullIdNumbers);
    if (page.length < PAGE) return;
    after = page.at(-1)!.account;
  }
}

/** Recorded before the file is sent: who exported how many members, and whether with ID numbers in full. */
export async function auditExport(scope: TenantScope, options: ExportOptions): Promise<void> {
  const members = await scope.db.member.count();
  await audit(scope.db, {
    ...auditActor(scope.actor),
    action: "member.export",
    detail: { format: options.format, members, idNumbers: options.fullIdNumbers ? "full" : "masked" },
  });
}
