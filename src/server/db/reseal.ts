// A data migration run after the SQL migrations, by whoever runs them (npm
// start, db:migrate, the test setups): every value sealed in the old "v1"
// format (no binding to its row) is re-sealed as "v2" bound to its table,
// column and row, and every ID number's blind index is recomputed with the
// per-school index key. Idempotent: it only ever touches v1 values, so a second
// run finds nothing; several instances starting together each take their own
// rows (FOR UPDATE), and each batch commits on its own.
import type { PrismaClient } from "~/generated/prisma/client";
import { blindIndex, decryptLegacySecret, encryptSecret, sealContext, wecomTokenContext, type SealContext } from "~/server/crypto/secrets";
import { WECOM_SEALED_COLUMNS, wecomSealContext } from "~/server/wecom/seals";

type Row = { id: string; value: string; tenantId: string | null; cacheKey: string | null };

type SealedColumn = {
  table: "IdentityProviderSettings" | "WecomConnection" | "Member" | "VendorAdmin" | "WecomToken";
  column: string;
  /** The row's key column: "id", or "tenantId" for a school's 1:1 settings tables. */
  key?: "tenantId";
  context: (row: Row) => SealContext;
  /** Member ID numbers: their blind index is recomputed from the opened value. */
  blindIndex?: boolean;
};

/** Every column that holds a sealed value. A new one is added here, or it stays unreadable after its rows were written in v1. */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  // Settings moved from Tenant keep the seal context of their first home (crypto/secrets.ts, wecom/seals.ts).
  {
    table: "IdentityProviderSettings",
    column: "oidcClientSecretEnc",
    key: "tenantId",
    context: (row) => sealContext("Tenant", "idpSecretEnc", row.id),
  },
  ...WECOM_SEALED_COLUMNS.map((column): SealedColumn => ({
    table: "WecomConnection",
    column,
    key: "tenantId",
    context: (row) => wecomSealContext(column, row.id),
  })),
  { table: "Member", column: "idNumberEnc", context: (row) => sealContext("Member", "idNumberEnc", row.id), blindIndex: true },
  { table: "VendorAdmin", column: "totpSecretEnc", context: (row) => sealContext("VendorAdmin", "totpSecretEnc", row.id) },
  { table: "WecomToken", column: "tokenEnc", context: (row) => wecomTokenContext(row.tenantId!, row.cacheKey!) },
];

export type ResealReport = Record<string, number>;

export async function resealLegacySecrets(prisma: PrismaClient, key: Buffer, options: { batchSize?: number } = {}): Promise<ResealReport> {
  const batchSize = options.batchSize ?? 200;
  const report: ResealReport = {};
  for (const sealed of SEALED_COLUMNS) {
    const name = `${sealed.table}.${sealed.column}`;
    const keyColumn = sealed.key ?? "id";
    report[name] = 0;
    for (;;) {
      const done = await prisma.$transaction(
        async (tx) => {
          // Table and column names come from SEALED_COLUMNS above, never from input.
          const rows = await tx.$queryRawUnsafe<Row[]>(
            `SELECT "${keyColumn}"::text AS id, "${sealed.column}" AS value,
                    ${sealed.table === "Member" || sealed.table === "WecomToken" ? '"tenantId"::text' : "NULL"} AS "tenantId",
                    ${sealed.table === "WecomToken" ? '"cacheKey"' : "NULL"} AS "cacheKey"
               FROM "${sealed.table}" WHERE "${sealed.column}" LIKE 'v1.%' ORDER BY "${keyColumn}" LIMIT $1 FOR UPDATE`,
            batchSize,
          );
          for (const row of rows) {
            let plaintext: string;
            try {
              plaintext = decryptLegacySecret(row.value, key);
            } catch {
              throw new Error(`Cannot open ${name} of row ${row.id}: is APP_ENCRYPTION_KEY the key it was written with?`);
            }
            const resealed = encryptSecret(plaintext, key, sealed.context(row));
            if (sealed.blindIndex) {
              await tx.$executeRawUnsafe(
                `UPDATE "${sealed.table}" SET "${sealed.column}" = $1, "idNumberHash" = $2 WHERE id = $3::uuid`,
                resealed,
                blindIndex(plaintext, key, row.tenantId!),
                row.id,
              );
            } else {
              await tx.$executeRawUnsafe(
                `UPDATE "${sealed.table}" SET "${sealed.column}" = $1 WHERE "${keyColumn}" = $2::uuid`,
                resealed,
                row.id,
              );
            }
          }
          report[name]! += rows.length;
          return rows.length < batchSize;
        },
        { timeout: 120_000, maxWait: 60_000 },
      );
      if (done) break;
    }
  }
  return report;
}
