// The fallback path: Prisma's schema engine compiled to WebAssembly, driven over
// the `pg` driver adapter. What it cannot do here is use a shadow database or
// introspect a live one, which is why new migrations are diffs between datamodels
// (create.ts) and the check replays migrations into scratch databases (check.ts).
import { readFileSync } from "node:fs";
import type { DiffTarget, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { withClient } from "../../connection";
import { asError } from "../../errors";
import { LOCK_FILE, readLocalMigrations, readLockFile, type Log, type PrismaPaths } from "../../layout";
import type { DiffSource, SchemaEngineDriver } from "../driver";
import { offlineFactory, onlineFactory } from "./adapters";
import { loadWasmEngine } from "./load-wasm";

const NO_FILTER = { externalTables: [], externalEnums: [] };

export const wasmDriver: SchemaEngineDriver = {
  async applyPending(databaseUrl, paths, log) {
    const migrationsList = migrationList(paths);
    await withEngine(databaseUrl, (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTER }), log && warningsOnly(log));
  },

  async markMigration(databaseUrl, name, outcome, paths) {
    const migrationsList = migrationList(paths);
    await withEngine(databaseUrl, async (engine) => {
      if (outcome === "rolled-back") await engine.markMigrationRolledBack({ migrationName: name });
      else await engine.markMigrationApplied({ migrationName: name, migrationsList });
    });
  },

  async diff(from, to) {
    const result = await withEngine(null, (engine) =>
      engine.diff({ from: diffTarget(from), to: diffTarget(to), script: true, exitCode: true, filters: NO_FILTER }),
    );
    // With exitCode requested the engine says 2 for "there is a difference".
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  },
};

/** The migrations folder in the shape the engine reads, as Prisma's CLI builds it. */
function migrationList(paths: PrismaPaths): MigrationList {
  const options = { prismaDir: paths.prismaDir };
  return {
    baseDir: paths.migrationsDir,
    lockfile: { path: LOCK_FILE, content: readLockFile(options) },
    shadowDbInitScript: "",
    migrationDirectories: readLocalMigrations(options).map((migration) => ({
      path: migration.name,
      migrationFile: {
        path: "migration.sql",
        content:
          migration.sql !== null
            ? { tag: "ok" as const, value: migration.sql }
            : { tag: "error" as const, value: migration.readError ?? "" },
      },
    })),
  };
}

function diffTarget(source: DiffSource): DiffTarget {
  if (source === "empty") return { tag: "empty" };
  const content = "schema" in source ? source.schema : readFileSync(source.schemaPath, "utf8");
  return { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] };
}

/**
 * Runs `use` with an engine on `databaseUrl`, or on no database when null, and
 * closes what it opened so the process can exit.
 */
async function withEngine<T>(databaseUrl: string | null, use: (engine: SchemaEngine) => Promise<T>, log?: Log): Promise<T> {
  const glue = loadWasmEngine();
  // An unreachable server makes the engine's start-up throw outside any promise
  // we could catch (the process dies), so connect once ourselves first.
  if (databaseUrl) await withClient(databaseUrl, async () => {});
  const opened: SqlDriverAdapter[] = [];
  const factory = databaseUrl ? onlineFactory(databaseUrl, opened) : offlineFactory();
  const onLog = (line: string) => log?.(line.trimEnd());
  const engine = await glue.SchemaEngine.new({ datamodels: undefined }, onLog, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await use(engine);
  } catch (error) {
    throw asError(error);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}

/** The engine logs JSON lines; pass on its warnings and errors only. */
function warningsOnly(log: Log): Log {
  return (line) => {
    if (/"level":"(WARN|ERROR)"/.test(line)) log(line);
  };
}
