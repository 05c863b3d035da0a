// A judged batch written to the directory inside the import's transaction: new members created
// together in one statement (tenant-db.ts $insertMembers), updates one by one with only the fields that change, the departments their paths name
// added to the school's tree (with their WeCom jobs), and a WeCom sync job for each member whose
// name, phone, e-mail or department WeCom must learn — all committed, or none, with the import.
// ID numbers are sealed and indexed as everywhere (crypto/secrets.ts): the ciphertext bound to the
// member's row, the blind index per school.
import { randomUUID } from "node:crypto";
import { blindIndex, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { encryptionKey } from "~/server/crypto/keys";
import type { MemberInsert, TenantTx } from "~/server/db/tenant-db";
import type { TenantScope } from "~/server/scope";
import { ensureDepartments } from "~/server/departments/ensure-departments";
import { enqueueWecomSyncMany } from "~/server/wecom/sync";
import type { RosterField } from "./fields";
import type { Verdict } from "./judge-row";
import type { RowValues } from "./parse-row";

const WECOM_FIELDS: readonly RosterField[] = ["name", "phone", "email", "department"];

function sealedIdNumber(idNumber: string, memberId: string, tenantId: string) {
  const key = encryptionKey();
  return {
    idNumberEnc: encryptSecret(idNumber, key, sealContext("Member", "idNumberEnc", memberId)),
    idNumberHash: blindIndex(idNumber, key, tenantId),
  };
}

/** The columns of a member the row's fields set; only `fields` when given (an update's changes). */
function memberData(values: RowValues, memberId: string, tenantId: string, fields?: readonly RosterField[]) {
  const has = (field: RosterField) => !fields || fields.includes(field);
  const { idNumber } = values;
  return {
    ...(has("name") && values.name !== undefined ? { name: values.name } : {}),
    ...(has("identityKind") && values.identityKindId !== undefined ? { identityKindId: values.identityKindId } : {}),
    ...(has("department") && values.department !== undefined ? { department: values.department } : {}),
    ...(has("phone") && values.phone !== undefined ? { phone: values.phone, phoneDisplay: values.phoneDisplay ?? null } : {}),
    ...(has("email") && values.email !== undefined ? { email: values.email } : {}),
    ...(has("idType") && values.idType !== undefined ? { idType: values.idType } : {}),
    ...(has("idNumber") && idNumber !== undefined ? sealedIdNumber(idNumber, memberId, tenantId) : {}),
  };
}

/**
 * The department paths one import has already made sure of, in its transaction: a roster names its
 * few hundred classes again in every batch, and looking them up again cost a query per batch.
 */
export type KnownDepartments = Set<string>;

export async function applyBatch(
  tx: TenantTx,
  scope: TenantScope,
  verdicts: readonly Verdict[],
  knownDepartments: KnownDepartments = new Set(),
): Promise<void> {
  const tenantId = scope.tenant.id;
  const creates = verdicts
    .filter((v) => v.outcome === "create")
    .map((v): MemberInsert => {
      const id = randomUUID();
      return {
        ...memberData(v.values, id, tenantId),
        id,
        account: v.account,
        name: v.values.name!,
        identityKindId: v.values.identityKindId!,
      };
    });
  const paths = new Set(
    verdicts.flatMap((v) =>
      (v.outcome === "create" || (v.outcome === "update" && v.changes.includes("department"))) &&
      v.values.department &&
      !knownDepartments.has(v.values.department)
        ? [v.values.department]
        : [],
    ),
  );
  await ensureDepartments(tx, scope, paths);
  for (const path of paths) knownDepartments.add(path);
  await tx.$insertMembers(creates);
  const synced: string[] = creates.map((c) => c.id);
  for (const v of verdicts) {
    if (v.outcome !== "update" || !v.existingId) continue;
    await tx.member.update({ where: { id: v.existingId }, data: memberData(v.values, v.existingId, tenantId, v.changes) });
    if (v.changes.some((field) => WECOM_FIELDS.includes(field))) synced.push(v.existingId);
  }
  await enqueueWecomSyncMany(
    scope.jobs,
    tx,
    synced.map((memberId) => ({ kind: "member.upsert" as const, tenantId, memberId })),
  );
}
