// The offline migration tool against a real PostgreSQL. TEST_DATABASE_ADMIN_URL
// points at a throwaway cluster's `postgres` database; every test makes its own
// databases there and they are dropped at the end.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyMigrations,
  checkMigrations,
  createDatabases,
  createMigration,
  databaseUrlFor,
  dropDatabases,
  listMigrationNames,
  prismaPaths,
  resolveMigration,
} from "../../tools/db";

const repoPrismaDir = path.resolve("prisma");
const createdDatabases: string[] = [];
const tempDirs: string[] = [];

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_ADMIN_URL;
  if (!url) throw new Error("TEST_DATABASE_ADMIN_URL is not set: it must name a scratch cluster's postgres database.");
  return url;
}

async function freshDatabase(): Promise<string> {
  const name = `migtest_${process.pid}_${randomBytes(4).toString("hex")}`;
  await createDatabases(adminUrl(), [name]);
  createdDatabases.push(name);
  return databaseUrlFor(adminUrl(), name);
}

/** A scratch copy of prisma/ that a test may change. */
function copyOfPrismaDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "migtest-"));
  tempDirs.push(dir);
  cpSync(repoPrismaDir, dir, { recursive: true });
  return dir;
}

function initMigrationSql(prismaDir: string): string {
  const [init] = listMigrationNames({ prismaDir });
  if (!init) throw new Error("The repository has no migrations.");
  return path.join(prismaPaths({ prismaDir }).migrationsDir, init, "migration.sql");
}

function addMigration(prismaDir: string, name: string, sql: string): void {
  const dir = path.join(prismaPaths({ prismaDir }).migrationsDir, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

type MigrationRow = { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null };
const migrationRows = (databaseUrl: string) =>
  query<MigrationRow>(databaseUrl, 'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name');

beforeAll(() => {
  adminUrl();
});

afterAll(async () => {
  if (createdDatabases.length > 0) await dropDatabases(adminUrl(), createdDatabases);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe("applyMigrations", { timeout: 120_000 }, () => {
  it("applies every migration once and nothing on a second run, recording one finished row per folder", async () => {
    const url = await freshDatabase();
    const folders = listMigrationNames();

    expect(await applyMigrations(url)).toEqual(folders);
    expect(await applyMigrations(url)).toEqual([]);

    const rows = await migrationRows(url);
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    expect(rows.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);
  });

  it("lets two processes migrate a fresh database at once, each migration applied exactly once", async () => {
    const prismaDir = copyOfPrismaDir();
    // Slow enough that unserialised runs would overlap and collide on CREATE TABLE.
    addMigration(prismaDir, "20991231000000_slow", 'SELECT pg_sleep(1);\nCREATE TABLE "Slow" ("id" INTEGER PRIMARY KEY);\n');
    const url = await freshDatabase();

    const [first, second] = await Promise.all([applyMigrations(url, { prismaDir }), applyMigrations(url, { prismaDir })]);

    expect([...(first ?? []), ...(second ?? [])].sort()).toEqual(listMigrationNames({ prismaDir }));
    expect((await migrationRows(url)).map((row) => row.migration_name)).toEqual(listMigrationNames({ prismaDir }));
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const prismaDir = copyOfPrismaDir();
    const url = await freshDatabase();
    const applied = await applyMigrations(url, { prismaDir });
    appendFileSync(initMigrationSql(prismaDir), "\n-- changed after the fact\n");
    addMigration(prismaDir, "20991231000000_next", 'CREATE TABLE "Next" ("id" INTEGER PRIMARY KEY);\n');

    await expect(applyMigrations(url, { prismaDir })).rejects.toThrow(/was edited after it was applied/);
    // Nothing after the edited one ran: only the migrations of the first run are recorded.
    expect(await migrationRows(url)).toHaveLength(applied.length);
  });

  it("rolls a failing migration back as a whole and refuses to continue until it is resolved", async () => {
    const prismaDir = copyOfPrismaDir();
    const url = await freshDatabase();
    // The ";" inside the comment and the literal must not split the script.
    const broken = '-- step one; then fail\nCREATE TABLE "Half" ("note" TEXT DEFAULT \'a;b\');\nSELECT 1/0;\n';
    addMigration(prismaDir, "20991231000000_broken", broken);

    await expect(applyMigrations(url, { prismaDir })).rejects.toThrow(/division by zero/);
    expect(await query(url, `SELECT to_regclass('"Half"') IS NULL AS gone`)).toEqual([{ gone: true }]);
    await expect(applyMigrations(url, { prismaDir })).rejects.toThrow(/failed earlier/);

    await resolveMigration(url, "20991231000000_broken", "rolled-back", { prismaDir });
    writeFileSync(
      path.join(prismaPaths({ prismaDir }).migrationsDir, "20991231000000_broken", "migration.sql"),
      broken.replace("SELECT 1/0;", ""),
    );
    expect(await applyMigrations(url, { prismaDir })).toEqual(["20991231000000_broken"]);
  });
});

describe("createMigration", { timeout: 120_000 }, () => {
  it("writes nothing when schema.prisma matches the latest migration", async () => {
    const prismaDir = copyOfPrismaDir();
    expect(await createMigration("nothing", { prismaDir })).toBeNull();
    expect(listMigrationNames({ prismaDir })).toEqual(listMigrationNames());
  });

  it("writes the SQL for a schema change and moves the snapshot forward, after which check passes", async () => {
    const prismaDir = copyOfPrismaDir();
    const paths = prismaPaths({ prismaDir });
    appendFileSync(paths.schema, "\nmodel Extra {\n  id Int @id\n}\n");

    const created = await createMigration("Add extra!", { prismaDir });

    expect(created?.name).toMatch(/^\d{14}_add_extra$/);
    expect(created?.sql).toContain('CREATE TABLE "Extra"');
    expect(readFileSync(paths.snapshot, "utf8")).toBe(readFileSync(paths.schema, "utf8"));
    expect(listMigrationNames({ prismaDir }).at(-1)).toBe(created?.name);
    expect(await checkMigrations({ prismaDir, adminUrl: adminUrl() })).toEqual([]);
  });
});

describe("checkMigrations", { timeout: 120_000 }, () => {
  it("passes on the repository as it is, hand-written CHECK constraints included", async () => {
    expect(readFileSync(initMigrationSql(repoPrismaDir), "utf8")).toContain("CHECK");
    expect(await checkMigrations({ adminUrl: adminUrl() })).toEqual([]);
  });

  it("reports a schema.prisma change that has no migration", async () => {
    const prismaDir = copyOfPrismaDir();
    appendFileSync(prismaPaths({ prismaDir }).schema, "\nmodel Extra {\n  id Int @id\n}\n");

    const problems = await checkMigrations({ prismaDir, adminUrl: adminUrl() });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/changes that no migration contains/);
    expect(problems[0]).toContain("npm run db:create -- <name>");
    expect(problems[0]).toContain('CREATE TABLE "Extra"');
  });

  it("reports a migration edited by hand to drop a column", async () => {
    const prismaDir = copyOfPrismaDir();
    // A column no later migration touches, so the rest still applies and only the comparison can tell.
    appendFileSync(initMigrationSql(prismaDir), '\nALTER TABLE "Member" DROP COLUMN "idType";\n');

    const problems = await checkMigrations({ prismaDir, adminUrl: adminUrl() });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/do not build the database/);
    expect(problems[0]).toContain('- missing column "Member"."idType": character varying(32) NULL');
  });

  it("reports a hand-added index or changed default, but not an added extension", async () => {
    const prismaDir = copyOfPrismaDir();
    appendFileSync(
      initMigrationSql(prismaDir),
      '\nCREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE INDEX "Member_name_trgm" ON "Member" USING gin ("name" gin_trgm_ops);\n' +
        'ALTER TABLE "Member" ALTER COLUMN "department" SET DEFAULT \'x\';\n',
    );

    const [problem] = await checkMigrations({ prismaDir, adminUrl: adminUrl() });

    expect(problem).toContain('+ extra index "Member_name_trgm"');
    expect(problem).toContain('~ different column "Member".department');
    expect(problem).not.toMatch(/pg_trgm|gtrgm|similarity/);
  });
});
