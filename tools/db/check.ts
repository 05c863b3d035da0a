// The CI check that schema.prisma and the migrations agree. Neither engine path
// may introspect a live database here, so the check builds two scratch
// databases, one from the migrations and one from the snapshot's own SQL, and
// compares their catalogs.
import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { applyMigrations } from "./apply";
import { compareCatalogs, readCatalog } from "./catalog";
import { createDatabases, databaseUrlFor, dropDatabases, withClient } from "./connection";
import { diffToSql } from "./create";
import { CREATE_HINT, SNAPSHOT_FILE, listMigrationNames, prismaPaths, type Log, type PrismaDirOption } from "./layout";

export type CheckOptions = PrismaDirOption & {
  /** A database on a scratch server whose user may CREATE DATABASE. */
  adminUrl: string;
  log?: Log;
};

/**
 * Problems that make schema.prisma and the migrations disagree; empty when they
 * agree. Two kinds: a schema change with no migration, and migrations that do
 * not build the database the snapshot describes (say, an edited migration.sql).
 */
export async function checkMigrations(options: CheckOptions): Promise<string[]> {
  const paths = prismaPaths(options);
  if (listMigrationNames(options).length === 0) {
    return [`There are no migrations in ${paths.migrationsDir}: ${CREATE_HINT.replace("<name>", "init")}.`];
  }
  if (!existsSync(paths.snapshot)) {
    return [`${paths.snapshot} is missing: restore it from version control (it is the schema as of the latest migration).`];
  }
  const problems: string[] = [];
  const pending = await diffToSql({ schemaPath: paths.snapshot }, { schemaPath: paths.schema }, options.log);
  if (pending !== "") {
    problems.push(`schema.prisma has changes that no migration contains; ${CREATE_HINT}. The missing SQL:\n${indent(pending)}`);
  }
  const drift = await compareMigrationsWithSnapshot(options);
  if (drift.length > 0) {
    problems.push(
      `The migrations do not build the database that ${SNAPSHOT_FILE} describes (was a migration.sql edited, or the ` +
        "snapshot?). Compared with the snapshot, the migrated database has:\n" +
        indent(drift.join("\n")) +
        `\nPut changes to the data model in schema.prisma and ${CREATE_HINT}; only CHECK constraints, ` +
        "expression indexes and extensions may be added to a migration.sql by hand.",
    );
  }
  return problems;
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

/** Builds both databases on scratch databases and lists how their catalogs differ. */
async function compareMigrationsWithSnapshot(options: CheckOptions): Promise<string[]> {
  const paths = prismaPaths(options);
  const suffix = `${process.pid}_${randomBytes(4).toString("hex")}`;
  const migratedDb = `check_migrated_${suffix}`;
  const expectedDb = `check_expected_${suffix}`;
  const expectedSql = await diffToSql("empty", { schemaPath: paths.snapshot });
  await createDatabases(options.adminUrl, [migratedDb, expectedDb]);
  try {
    const migratedUrl = databaseUrlFor(options.adminUrl, migratedDb);
    const expectedUrl = databaseUrlFor(options.adminUrl, expectedDb);
    await applyMigrations(migratedUrl, { prismaDir: paths.prismaDir, log: options.log });
    await withClient(expectedUrl, (client) => client.query(expectedSql));
    return compareCatalogs(await readCatalog(expectedUrl), await readCatalog(migratedUrl));
  } finally {
    await dropDatabases(options.adminUrl, [migratedDb, expectedDb]);
  }
}
