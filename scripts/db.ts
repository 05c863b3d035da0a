// The project's `prisma migrate`, offline or not (the engine is tools/db/):
//
//   npx tsx scripts/db.ts migrate            apply pending migrations to DATABASE_URL
//   npx tsx scripts/db.ts create <name>      write a migration for the changes in schema.prisma
//   npx tsx scripts/db.ts check              fail when schema.prisma and the migrations disagree (CI)
//   npx tsx scripts/db.ts resolve --applied|--rolled-back <migration>
//                                            record how a failed migration was repaired
//
// `check` builds scratch databases on CHECK_DATABASE_URL (a server where the user may
// CREATE DATABASE) or, when that is unset, on a throwaway embedded PostgreSQL.
// Each command says which schema engine ran it: Prisma's native one when the
// machine has it, else its WebAssembly build.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  applyMigrations,
  checkMigrations,
  createMigration,
  findFreePort,
  prismaPaths,
  resolveMigration,
  startEmbeddedPostgres,
} from "../tools/db";
import { createPrismaClient } from "../src/server/db/client";
import { parseKey } from "../src/server/crypto/secrets";
import { resealLegacySecrets } from "../src/server/db/reseal";

class UsageError extends Error {}

let failed = false;

const USAGE = "usage: npx tsx scripts/db.ts migrate | create <name> | check | resolve --applied|--rolled-back <migration>";

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new UsageError("DATABASE_URL is not set: point it at the database to migrate.");
  return url;
}

async function migrate(): Promise<void> {
  const applied = await applyMigrations(requireDatabaseUrl(), { log: (line) => console.log(line) });
  console.log(applied.length === 0 ? "No pending migrations." : `Applied ${applied.length} migration(s).`);
  // The data step after the SQL migrations (db/reseal.ts) needs the key the values were sealed with.
  if (!process.env.APP_ENCRYPTION_KEY) {
    console.log("APP_ENCRYPTION_KEY is not set: stored secrets were not re-sealed; the app's start does it.");
    return;
  }
  const prisma = createPrismaClient(requireDatabaseUrl());
  const resealed = await resealLegacySecrets(prisma, parseKey(process.env.APP_ENCRYPTION_KEY)).finally(() => prisma.$disconnect());
  console.log(`Re-sealed stored secrets: ${JSON.stringify(resealed)}`);
}

async function create(name: string | undefined): Promise<void> {
  if (!name) throw new UsageError("create needs a name: npx tsx scripts/db.ts create <name>");
  const created = await createMigration(name, { log: (line) => console.log(line) });
  if (!created) {
    console.log("no changes: schema.prisma matches the latest migration; nothing written.");
    return;
  }
  console.log(
    `Wrote ${path.relative(process.cwd(), created.sqlPath)} and updated ${path.relative(process.cwd(), prismaPaths().snapshot)}.`,
  );
  console.log("Review the SQL; you may append CHECK constraints or extensions Prisma cannot express.");
}

async function check(): Promise<void> {
  const problems = await withScratchServer((adminUrl) => checkMigrations({ adminUrl, log: (line) => console.log(line) }));
  if (problems.length === 0) {
    console.log("schema.prisma and the migrations agree.");
    return;
  }
  for (const problem of problems) console.error(`✗ ${problem}\n`);
  failed = true;
}

async function withScratchServer<T>(use: (adminUrl: string) => Promise<T>): Promise<T> {
  const given = process.env.CHECK_DATABASE_URL;
  if (given) return use(given);
  const dir = mkdtempSync(path.join(os.tmpdir(), "db-check-"));
  const cluster = await startEmbeddedPostgres({ dir, port: await findFreePort(56000), persistent: false });
  try {
    return await use(cluster.adminUrl);
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function resolve(flag: string | undefined, name: string | undefined): Promise<void> {
  const outcome = flag === "--applied" ? "applied" : flag === "--rolled-back" ? "rolled-back" : null;
  if (!outcome || !name) throw new UsageError(USAGE);
  await resolveMigration(requireDatabaseUrl(), name, outcome, { log: (line) => console.log(line) });
  console.log(`Recorded ${name} as ${outcome}.`);
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === "migrate") return migrate();
  if (command === "create") return create(rest[0]);
  if (command === "check") return check();
  if (command === "resolve") return resolve(rest[0], rest[1]);
  throw new UsageError(USAGE);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof UsageError ? message : `db: ${message}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
