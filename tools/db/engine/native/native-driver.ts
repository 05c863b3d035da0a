// The preferred path: Prisma's native schema engine through Prisma's own CLI,
// exactly what an operator would run by hand (`prisma migrate deploy`,
// `prisma migrate resolve`, `prisma migrate diff`).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DiffSource, SchemaEngineDriver } from "../driver";
import { deployArguments, diffArguments, resolveArguments, runPrismaCli, withScratchFolder, type PrismaCliRun } from "./prisma-cli";

export function nativeDriver(engineBinary: string): SchemaEngineDriver {
  return {
    async applyPending(databaseUrl, paths) {
      await withScratchFolder(async (folder) => {
        const result = await runPrismaCli(deployArguments(), { engineBinary, ...paths, databaseUrl }, folder);
        assertSucceeded(result, "prisma migrate deploy");
      });
    },

    async markMigration(databaseUrl, name, outcome, paths) {
      await withScratchFolder(async (folder) => {
        const result = await runPrismaCli(resolveArguments(name, outcome), { engineBinary, ...paths, databaseUrl }, folder);
        assertSucceeded(result, "prisma migrate resolve");
      });
    },

    async diff(from, to) {
      return withScratchFolder(async (folder) => {
        const output = path.join(folder, "diff.sql");
        const fromFile = schemaFile(from, folder, "from");
        const toFile = schemaFile(to, folder, "to");
        // No database is involved: the config only has to name some schema.
        const schema = toFile ?? fromFile ?? "";
        const result = await runPrismaCli(diffArguments(fromFile, toFile, output), { engineBinary, schema, migrationsDir: folder }, folder);
        // --exit-code: 0 for no difference, 2 for one.
        if (result.code === 2 && existsSync(output)) return readFileSync(output, "utf8");
        assertSucceeded(result, "prisma migrate diff");
        return "";
      });
    },
  };
}

/** A schema's text becomes a file, since the CLI reads datamodels from files. */
function schemaFile(source: DiffSource, folder: string, side: "from" | "to"): string | null {
  if (source === "empty") return null;
  if ("schemaPath" in source) return source.schemaPath;
  const file = path.join(folder, `${side}.prisma`);
  writeFileSync(file, source.schema);
  return file;
}

function assertSucceeded(result: PrismaCliRun, command: string): void {
  if (result.code !== 0) throw new Error(`${command} failed (exit ${result.code}):\n${result.output}`);
}
