// A scratch database as it stood just before one migration, for tests of what that migration does
// to rows that existed before it: the migrations up to the one before it are applied to a fresh
// database from a copy of prisma/, the test inserts its old rows, then applies that one migration.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations, createDatabases, databaseUrlFor, dropDatabases } from "../../tools/db";

export type BeforeMigration = {
  /** Connected to the scratch database; ended by dispose(). */
  client: pg.Client;
  /** The full name of the migration under test. */
  name: string;
  /** Applies the migration under test (and only it); returns what was applied. */
  apply(): Promise<string[]>;
  /** Drops the scratch database and the copies. */
  dispose(): Promise<void>;
};

/** The database before the migration whose folder name ends with `_${suffix}`. */
export async function databaseBeforeMigration(suffix: string): Promise<BeforeMigration> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL!;
  const dir = mkdtempSync(path.join(os.tmpdir(), "mig-before-"));
  const held = mkdtempSync(path.join(os.tmpdir(), "mig-held-"));
  const migrations = path.join(dir, "migrations");
  cpSync(path.resolve("prisma"), dir, { recursive: true });
  const name = readdirSync(migrations).find((entry) => entry.endsWith(`_${suffix}`));
  if (!name) throw new Error(`no migration named *_${suffix}`);
  const later = readdirSync(migrations).filter((entry) => /^\d+_/.test(entry) && entry >= name);
  for (const entry of later) {
    cpSync(path.join(migrations, entry), path.join(held, entry), { recursive: true });
    rmSync(path.join(migrations, entry), { recursive: true });
  }
  const database = `mig_${randomBytes(4).toString("hex")}`;
  await createDatabases(adminUrl, [database]);
  const url = databaseUrlFor(adminUrl, database);
  await applyMigrations(url, { prismaDir: dir });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    client,
    name,
    apply: () => {
      cpSync(path.join(held, name), path.join(migrations, name), { recursive: true });
      return applyMigrations(url, { prismaDir: dir });
    },
    dispose: async () => {
      await client.end();
      await dropDatabases(adminUrl, [database]);
      for (const folder of [dir, held]) rmSync(folder, { recursive: true, force: true });
    },
  };
}
