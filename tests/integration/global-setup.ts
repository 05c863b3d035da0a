// Gives the integration tests a real PostgreSQL they may wreck: the cluster of
// TEST_DATABASE_ADMIN_URL when `npm test` started one, else a throwaway embedded
// cluster of their own. Either way a fresh database with every migration
// applied is made for this run and named in TEST_DATABASE_URL.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import {
  findFreePort,
  startEmbeddedPostgres,
  type EmbeddedCluster,
  applyMigrations,
  createDatabases,
  databaseUrlFor,
} from "../../tools/db";
import { createBoss, startBoss } from "../../src/server/jobs/queue";
import { createPrismaClient } from "../../src/server/db/client";
import { resealLegacySecrets } from "../../src/server/db/reseal";
import { parseKey } from "../../src/server/crypto/secrets";

let cluster: EmbeddedCluster | null = null;
let dir: string | null = null;

export async function setup() {
  if (!process.env.TEST_DATABASE_ADMIN_URL) {
    dir = mkdtempSync(path.join(os.tmpdir(), "campus-it-"));
    cluster = await startEmbeddedPostgres({ dir, port: await findFreePort(56500), persistent: false });
    process.env.TEST_DATABASE_ADMIN_URL = cluster.adminUrl;
  }
  const name = `it_${randomBytes(5).toString("hex")}`;
  await createDatabases(process.env.TEST_DATABASE_ADMIN_URL, [name]);
  process.env.TEST_DATABASE_URL = databaseUrlFor(process.env.TEST_DATABASE_ADMIN_URL, name);
  await applyMigrations(process.env.TEST_DATABASE_URL);
  // pg-boss makes its own tables on first start, as every app instance does.
  await (await startBoss(createBoss(process.env.TEST_DATABASE_URL))).stop({ graceful: false, wait: true });
  process.env.APP_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  // As every start does after migrating (db/reseal.ts).
  const prisma = createPrismaClient(process.env.TEST_DATABASE_URL);
  await resealLegacySecrets(prisma, parseKey(process.env.APP_ENCRYPTION_KEY)).finally(() => prisma.$disconnect());
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
}

export async function teardown() {
  if (cluster) await cluster.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
