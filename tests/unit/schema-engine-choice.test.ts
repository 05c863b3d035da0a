// Which schema engine `npm run db:*` and `npm start` use: Prisma's native one when
// the machine has it, else the WebAssembly build. An operator notices a wrong
// choice at once: the native path with a placeholder file dies with EACCES, and
// the WebAssembly path on a machine with the native engine ignores it.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chooseSchemaEngine, describeEngine, inspectEngineFile, probeEngineFacts } from "../../tools/db/engine/choose-engine";
import { diffArguments } from "../../tools/db/engine/native/prisma-cli";

const dir = mkdtempSync(path.join(os.tmpdir(), "engine-choice-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: Buffer | string, mode: number): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  chmodSync(target, mode);
  return target;
}

const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]);
const engine = file("schema-engine-debian-openssl-3.0.x", elf, 0o755);
const otherEngine = file("schema-engine-custom", "#!/bin/sh\nexec true\n", 0o755);
const notExecutable = file("schema-engine-copied", elf, 0o644);
const placeholder = path.resolve("package.json");

describe("choosing the schema engine", () => {
  it("uses the native engine PRISMA_SCHEMA_ENGINE_BINARY names when it is an executable program", () => {
    const choice = chooseSchemaEngine({ fromEnv: inspectEngineFile(engine), fromPackage: null });
    expect(choice).toEqual({ kind: "native", binary: engine, source: "PRISMA_SCHEMA_ENGINE_BINARY" });
  });

  it("does not take the package.json placeholder that bootstrap.mjs sets for `prisma generate` for an engine", () => {
    const choice = chooseSchemaEngine({ fromEnv: inspectEngineFile(placeholder), fromPackage: null });
    expect(choice.kind).toBe("wasm");
    expect(describeEngine(choice)).toContain(`PRISMA_SCHEMA_ENGINE_BINARY (${placeholder}) is not an executable program`);
  });

  it("finds the engine Prisma's CLI downloaded into @prisma/engines when the variable names none", () => {
    expect(chooseSchemaEngine({ fromEnv: null, fromPackage: inspectEngineFile(engine) })).toEqual({
      kind: "native",
      binary: engine,
      source: "@prisma/engines",
    });
    // A placeholder in the variable does not hide a real engine in the package, either.
    expect(chooseSchemaEngine({ fromEnv: inspectEngineFile(placeholder), fromPackage: inspectEngineFile(engine) })).toMatchObject({
      kind: "native",
      source: "@prisma/engines",
    });
  });

  it("prefers the variable over @prisma/engines, as Prisma's CLI does", () => {
    const choice = chooseSchemaEngine({ fromEnv: inspectEngineFile(otherEngine), fromPackage: inspectEngineFile(engine) });
    expect(choice).toMatchObject({ kind: "native", binary: otherEngine });
  });

  it("does not run a program file this process may not execute", () => {
    expect(inspectEngineFile(notExecutable)).toEqual({ path: notExecutable, executable: false, program: true });
    expect(chooseSchemaEngine({ fromEnv: null, fromPackage: inspectEngineFile(notExecutable) }).kind).toBe("wasm");
  });

  it("falls back to WebAssembly when there is no native engine at all, and says so in its log line", () => {
    const choice = chooseSchemaEngine({ fromEnv: null, fromPackage: inspectEngineFile(path.join(dir, "missing")) });
    expect(choice.kind).toBe("wasm");
    expect(describeEngine(choice)).toBe(
      "Schema engine: WebAssembly (@prisma/schema-engine-wasm), as Prisma's native schema engine is not installed.",
    );
  });

  it("names the native engine and where it was found in its log line", () => {
    expect(describeEngine({ kind: "native", binary: engine, source: "@prisma/engines" })).toBe(
      `Schema engine: Prisma's native engine (${engine}, found through @prisma/engines), through Prisma's CLI.`,
    );
  });

  it("reads a relative PRISMA_SCHEMA_ENGINE_BINARY from the working directory, as Prisma does", async () => {
    const facts = await probeEngineFacts("package.json");
    expect(facts.fromEnv).toEqual({ path: placeholder, executable: false, program: false });
    expect((await probeEngineFacts("no/such/engine")).fromEnv?.executable).toBe(false);
  });
});

describe("the native path's `prisma migrate diff`", () => {
  it("uses Prisma 7's --from-schema / --to-schema, asks for SQL and for exit code 2 on a difference", () => {
    expect(diffArguments("/p/migrations/schema.snapshot.prisma", "/p/schema.prisma", "/tmp/out.sql")).toEqual([
      "migrate",
      "diff",
      "--from-schema",
      "/p/migrations/schema.snapshot.prisma",
      "--to-schema",
      "/p/schema.prisma",
      "--script",
      "--exit-code",
      "--output",
      "/tmp/out.sql",
    ]);
  });

  it("diffs the first migration from the empty datamodel", () => {
    expect(diffArguments(null, "/p/schema.prisma", "/tmp/out.sql").slice(0, 5)).toEqual([
      "migrate",
      "diff",
      "--from-empty",
      "--to-schema",
      "/p/schema.prisma",
    ]);
  });
});
