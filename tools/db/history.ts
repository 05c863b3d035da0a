// What `_prisma_migrations` says against what the checkout holds, judged before
// any engine runs. Both engine paths (native and WebAssembly) share this check, so
// the rules an operator meets do not depend on which engine is installed.
import { createHash } from "node:crypto";
import type pg from "pg";
import { CREATE_HINT, type LocalMigration } from "./layout";

export type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/** The bookkeeping rows, oldest first; none when no migration ever ran here. */
export async function readAppliedRows(client: pg.Client): Promise<AppliedRow[]> {
  // Unqualified, as Prisma creates it: in the first schema of the search path (public here).
  const table = await client.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  if (!table.rows[0]?.present) return [];
  const { rows } = await client.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name',
  );
  return rows;
}

/** Names of the migrations recorded as applied (finished and not rolled back), in order. */
export function finishedNames(rows: AppliedRow[]): string[] {
  return rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => row.migration_name);
}

/**
 * Prisma's rule (schema engine, checksum.rs): the SHA-256 of migration.sql, also
 * accepted with the other line endings (git may have converted them), and in the
 * unpadded hex an early engine version wrote.
 */
export function checksumMatches(sql: string, checksum: string): boolean {
  const variants = [sql, sql.replace(/\r\n/g, "\n"), sql.replace(/\n/g, "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant, "utf8").digest();
    const padded = digest.toString("hex");
    const unpadded = [...digest].map((byte) => byte.toString(16)).join("");
    return checksum === padded || checksum === unpadded;
  });
}

export type HistoryVerdict = {
  /** Started and never finished nor rolled back: the database is in an unknown state. */
  failed: string[];
  /** Applied, but migration.sql has changed since. */
  edited: string[];
  /** Applied here, unknown to this checkout (a newer release migrated this database). */
  unknown: string[];
};

export function judgeHistory(local: LocalMigration[], rows: AppliedRow[]): HistoryVerdict {
  const byName = new Map(local.map((migration) => [migration.name, migration]));
  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null).map((row) => row.migration_name);
  const edited: string[] = [];
  const unknown: string[] = [];
  for (const row of rows) {
    if (row.finished_at === null || row.rolled_back_at !== null) continue;
    const migration = byName.get(row.migration_name);
    if (!migration) unknown.push(row.migration_name);
    else if (migration.sql !== null && !checksumMatches(migration.sql, row.checksum)) edited.push(row.migration_name);
  }
  return { failed: [...new Set(failed)], edited: [...new Set(edited)], unknown: [...new Set(unknown)] };
}

export function failedMessage(names: string[]): string {
  return (
    `Migration ${names.join(", ")} failed earlier and is marked failed in _prisma_migrations; nothing was applied.\n` +
    "Repair the database by hand, then record the outcome: `npx tsx scripts/db.ts resolve --rolled-back <name>` " +
    "(it left no trace; it will be retried) or `--applied <name>` (you completed it by hand)."
  );
}

export function editedMessage(names: string[]): string {
  return (
    `Migration ${names.join(", ")} was edited after it was applied to this database (its checksum differs from ` +
    "the one in _prisma_migrations); nothing was applied.\nApplied migrations must not change: restore the " +
    `original migration.sql and put the change in a new migration (${CREATE_HINT}).`
  );
}
