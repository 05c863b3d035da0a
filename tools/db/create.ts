// Writing a new migration: the diff from the schema as of the latest migration
// (the snapshot) to schema.prisma, as SQL, in Prisma's folder layout; then the
// snapshot moves forward. Neither engine path needs a database or a shadow
// database for this.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LOCK_FILE_CONTENT, listMigrationNames, prismaPaths, type Log, type PrismaDirOption } from "./layout";
import { schemaEngine } from "./engine/schema-engine";
import type { DiffSource } from "./engine/driver";

export type { DiffSource } from "./engine/driver";
export type CreateOptions = PrismaDirOption & { now?: Date; log?: Log };
export type CreatedMigration = { name: string; sqlPath: string; sql: string };

/** The SQL that turns `from`'s database into `to`'s; "" when there is nothing to do. */
export async function diffToSql(from: DiffSource, to: DiffSource, log?: Log): Promise<string> {
  return (await schemaEngine(log)).diff(from, to);
}

/** Writes the migration for what changed in schema.prisma, and moves the snapshot forward; null when nothing changed. */
export async function createMigration(name: string, options: CreateOptions = {}): Promise<CreatedMigration | null> {
  const paths = prismaPaths(options);
  const slug = migrationSlug(name);
  const existing = listMigrationNames(options);
  // Read once: the migration and the new snapshot must describe the same schema.
  const schema = readFileSync(paths.schema, "utf8");
  const sql = await diffToSql(snapshotSource(existing, paths.snapshot), { schema }, options.log);
  if (sql === "") return null;

  const folder = `${nextTimestamp(options.now ?? new Date(), existing.at(-1))}_${slug}`;
  const sqlPath = path.join(paths.migrationsDir, folder, "migration.sql");
  mkdirSync(path.dirname(sqlPath), { recursive: true });
  writeFileSync(sqlPath, sql);
  if (!existsSync(paths.lockFile)) writeFileSync(paths.lockFile, LOCK_FILE_CONTENT);
  writeFileSync(paths.snapshot, schema);
  return { name: folder, sqlPath, sql };
}

function snapshotSource(existing: string[], snapshotPath: string): DiffSource {
  if (existing.length === 0) return "empty";
  if (!existsSync(snapshotPath)) {
    throw new Error(`${snapshotPath} is missing, so the schema as of the latest migration is unknown. Restore it from version control.`);
  }
  return { schemaPath: snapshotPath };
}

/** Prisma-style migration names: lower-case words joined by "_". */
export function migrationSlug(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (slug === "" || slug.length > 200) throw new Error(`"${name}" is not a usable migration name (use letters, digits and "_").`);
  return slug;
}

/** YYYYMMDDHHMMSS in UTC, later than the latest migration even if clocks disagree, so folders sort in order. */
export function nextTimestamp(now: Date, latest: string | undefined): string {
  const stamp = (date: Date) => date.toISOString().replace(/\D/g, "").slice(0, 14);
  const latestStamp = latest?.match(/^\d{14}/)?.[0];
  let candidate = now;
  while (latestStamp && stamp(candidate) <= latestStamp) candidate = new Date(candidate.getTime() + 1000);
  return stamp(candidate);
}
