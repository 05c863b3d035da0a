// Applying migrations, the way `prisma migrate deploy` does and with the same
// bookkeeping in `_prisma_migrations`, whichever engine runs them.
import { withClient } from "./connection";
import { asError } from "./errors";
import { editedMessage, failedMessage, finishedNames, judgeHistory, readAppliedRows } from "./history";
import { prismaPaths, readLocalMigrations, readLockFile, type Log, type PrismaDirOption } from "./layout";
import { schemaEngine } from "./engine/schema-engine";

export type ApplyOptions = PrismaDirOption & { log?: Log };

/**
 * Ours, distinct from the engine's own 72707369, so the two never wait on each
 * other. Instances starting together queue here, and each migration runs once.
 */
const APPLY_LOCK_KEY = 72707370;

/**
 * Applies the migrations not yet applied to `databaseUrl`, recording them in
 * `_prisma_migrations`; returns their names. Refuses, applying nothing, while a
 * migration is marked failed or an applied one was edited afterwards.
 */
export async function applyMigrations(databaseUrl: string, options: ApplyOptions = {}): Promise<string[]> {
  const paths = prismaPaths(options);
  readLockFile(options);
  const local = readLocalMigrations(options);
  const engine = await schemaEngine(options.log);
  return withClient(databaseUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [APPLY_LOCK_KEY]);
    try {
      const before = await readAppliedRows(client);
      const verdict = judgeHistory(local, before);
      if (verdict.failed.length > 0) throw new Error(failedMessage(verdict.failed));
      if (verdict.edited.length > 0) throw new Error(editedMessage(verdict.edited));
      // A database ahead of this checkout is normal while an older release still runs.
      if (verdict.unknown.length > 0)
        options.log?.(`The database has migrations this checkout does not know: ${verdict.unknown.join(", ")}.`);

      const applied = new Set(finishedNames(before));
      if (local.every((migration) => applied.has(migration.name))) return [];
      try {
        await engine.applyPending(databaseUrl, paths, options.log);
      } catch (error) {
        throw new Error(`A migration failed; it is recorded as failed in _prisma_migrations.\n${asError(error).message}`);
      }
      const now = finishedNames(await readAppliedRows(client)).filter((name) => !applied.has(name));
      for (const name of now) options.log?.(`Applied ${name}`);
      return now;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [APPLY_LOCK_KEY]);
    }
  });
}
