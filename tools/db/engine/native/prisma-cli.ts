// Runs Prisma's own CLI (node_modules/prisma) against the native schema engine.
// Each run gets a throwaway Prisma config naming this tool's schema and
// migrations folder, so the CLI works on whatever prismaDir the caller chose
// (the tests use copies of prisma/); the database URL reaches it in the
// environment only, never on a command line or on disk.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

export type PrismaCliRun = { code: number; output: string };

export type PrismaCliOptions = {
  /** The native schema engine; handed to the CLI so it never tries to download one. */
  engineBinary: string;
  /** The schema file and migrations folder the CLI's config names. */
  schema: string;
  migrationsDir: string;
  databaseUrl?: string;
};

/** `prisma migrate deploy`: applies what `_prisma_migrations` lacks. */
export const deployArguments = (): string[] => ["migrate", "deploy"];

/** `prisma migrate resolve`: records the outcome of a failed migration. */
export const resolveArguments = (name: string, outcome: "applied" | "rolled-back"): string[] => [
  "migrate",
  "resolve",
  `--${outcome}`,
  name,
];

/**
 * `prisma migrate diff` between two schema files (null for the empty datamodel),
 * as SQL, into `outputFile`; exits 2 when there is a difference. Prisma 7 spells
 * the sources --from-schema / --to-schema (its --from-schema-datamodel is gone).
 */
export function diffArguments(from: string | null, to: string | null, outputFile: string): string[] {
  const side = (direction: "from" | "to", schema: string | null) =>
    schema === null ? [`--${direction}-empty`] : [`--${direction}-schema`, schema];
  return ["migrate", "diff", ...side("from", from), ...side("to", to), "--script", "--exit-code", "--output", outputFile];
}

/** Runs the CLI in a scratch folder that `use` may also write to; removed afterwards. */
export async function withScratchFolder<T>(use: (folder: string) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "prisma-cli-"));
  try {
    return await use(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function runPrismaCli(args: string[], options: PrismaCliOptions, folder: string): Promise<PrismaCliRun> {
  const config = path.join(folder, "prisma.config.mjs");
  writeFileSync(
    config,
    `export default ${JSON.stringify({ schema: options.schema, migrations: { path: options.migrationsDir } })
      .slice(0, -1)
      .concat(", datasource: { url: process.env.DATABASE_URL } };\n")}`,
  );
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: options.engineBinary,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    NO_COLOR: "1",
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args, "--config", config], { cwd: folder, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output: output.trim() }));
  });
}
