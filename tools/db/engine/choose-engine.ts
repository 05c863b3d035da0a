// Which schema engine runs the migrations. Prisma's native engine, when this
// machine has it, is Prisma's own supported path (`prisma migrate deploy`, `prisma
// migrate diff`); the WebAssembly engine is the fallback for machines that cannot
// download it (no internet beyond the npm registry), and can be deleted the day
// every machine has the native one.
//
// The decision is a pure function of a few facts about files, so it is tested
// without touching the machine; probeEngineFacts() gathers the facts.
import { closeSync, constants, accessSync, openSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** What is known about one candidate engine file. */
export type EngineFile = {
  path: string;
  /** A regular file that this process may execute. */
  executable: boolean;
  /** Starts like a program (ELF, Mach-O, PE or "#!"), not a data file. */
  program: boolean;
};

export type EngineFacts = {
  /** PRISMA_SCHEMA_ENGINE_BINARY, when set (Prisma's CLI honours it before anything else). */
  fromEnv: EngineFile | null;
  /** `node_modules/@prisma/engines/schema-engine-<platform>`, where Prisma's CLI keeps the engine it downloads. */
  fromPackage: EngineFile | null;
};

export type EngineChoice =
  { kind: "native"; binary: string; source: "PRISMA_SCHEMA_ENGINE_BINARY" | "@prisma/engines" } | { kind: "wasm"; reason: string };

/**
 * A file that is not a program is a placeholder: scripts/lib/bootstrap.mjs points
 * PRISMA_SCHEMA_ENGINE_BINARY at package.json so that `prisma generate` (which
 * never starts the engine) gets past Prisma's check for it.
 */
function usable(file: EngineFile): boolean {
  return file.executable && file.program;
}

export function chooseSchemaEngine(facts: EngineFacts): EngineChoice {
  if (facts.fromEnv && usable(facts.fromEnv)) return { kind: "native", binary: facts.fromEnv.path, source: "PRISMA_SCHEMA_ENGINE_BINARY" };
  if (facts.fromPackage && usable(facts.fromPackage)) return { kind: "native", binary: facts.fromPackage.path, source: "@prisma/engines" };
  const reason = facts.fromEnv
    ? `PRISMA_SCHEMA_ENGINE_BINARY (${facts.fromEnv.path}) is not an executable program`
    : facts.fromPackage
      ? `${facts.fromPackage.path} is not an executable program`
      : "Prisma's native schema engine is not installed";
  return { kind: "wasm", reason };
}

/** One line for the log: which path runs, and why. */
export function describeEngine(choice: EngineChoice): string {
  return choice.kind === "native"
    ? `Schema engine: Prisma's native engine (${choice.binary}, found through ${choice.source}), through Prisma's CLI.`
    : `Schema engine: WebAssembly (@prisma/schema-engine-wasm), as ${choice.reason}.`;
}

const PROGRAM_MAGIC = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a], // PE (MZ)
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64-bit, little-endian
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32-bit, little-endian
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal
  [0x23, 0x21], // "#!" script
];

export function inspectEngineFile(file: string): EngineFile | null {
  try {
    if (!statSync(file).isFile()) return { path: file, executable: false, program: false };
  } catch {
    return null;
  }
  let executable = true;
  try {
    accessSync(file, constants.X_OK);
  } catch {
    executable = false;
  }
  const head = Buffer.alloc(4);
  let read = 0;
  try {
    const fd = openSync(file, "r");
    try {
      read = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return { path: file, executable, program: false };
  }
  const program = PROGRAM_MAGIC.some((magic) => magic.length <= read && magic.every((byte, i) => head[i] === byte));
  return { path: file, executable, program };
}

/**
 * Finds the engine where Prisma's CLI looks for it: the file named by
 * PRISMA_SCHEMA_ENGINE_BINARY (relative to the working directory), else
 * `schema-engine-<binary target>` in @prisma/engines, resolved from the `prisma`
 * package as the CLI resolves it, with the target from Prisma's own platform probe.
 */
export async function probeEngineFacts(engineVariable = process.env.PRISMA_SCHEMA_ENGINE_BINARY): Promise<EngineFacts> {
  const fromEnvPath = engineVariable ? path.resolve(engineVariable) : null;
  const fromEnv = fromEnvPath ? (inspectEngineFile(fromEnvPath) ?? { path: fromEnvPath, executable: false, program: false }) : null;
  return { fromEnv, fromPackage: await packagedEngine() };
}

async function packagedEngine(): Promise<EngineFile | null> {
  try {
    const fromPrisma = createRequire(createRequire(import.meta.url).resolve("prisma/package.json"));
    const enginesDir = path.dirname(fromPrisma.resolve("@prisma/engines/package.json"));
    const platform = createRequire(path.join(enginesDir, "package.json"))("@prisma/get-platform") as {
      getBinaryTargetForCurrentPlatform(): Promise<string>;
    };
    const target = await platform.getBinaryTargetForCurrentPlatform();
    return inspectEngineFile(path.join(enginesDir, `schema-engine-${target}${target === "windows" ? ".exe" : ""}`));
  } catch {
    // No prisma package, or its platform probe failed: nothing native to use.
    return null;
  }
}
