// The first step of `npm start` and `npm test` on a fresh clone: plain Node, no
// dependencies, so it runs before node_modules exists.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`\n✖ ${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

/** Installs node_modules when missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  if (mtime(marker) >= mtime(path.join(root, "package-lock.json"))) return;
  // Not `npm ci`: with omit-lockfile-registry-resolved (as on our build machines) npm 11 writes
  // locks without other platforms' optional packages, which `npm ci` then calls out of sync.
  // `npm install` installs the same locked versions and leaves the lock as it is.
  console.log("› Installing dependencies (npm install)…");
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]);
}

/**
 * Generates the Prisma client when missing or older than the schema. Prisma's
 * CLI wants a native schema engine it cannot download offline; generation
 * itself runs on WebAssembly, so any existing file satisfies the check.
 */
export function ensurePrismaClient() {
  const generated = path.join(root, "src", "generated", "prisma", "client.ts");
  if (mtime(generated) >= mtime(path.join(root, "prisma", "schema.prisma"))) return;
  console.log("› Generating the Prisma client…");
  run(path.join(root, "node_modules", ".bin", "prisma"), ["generate"], {
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, "package.json"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  });
  writeFileSync(path.join(root, "src", "generated", ".keep"), "");
}

/**
 * Runs a TypeScript script (through tsx's loader) and exits with its code. Node runs the
 * script itself, not tsx's CLI: that wrapper kills its child with SIGKILL when the child does
 * not acknowledge a signal within 30 ms, as happens while `next build` runs synchronously, and a
 * killed `npm start` cannot stop the PostgreSQL it started. The terminal's Ctrl-C reaches the
 * script through the process group; a SIGTERM or SIGHUP sent to this process alone (a process
 * manager, or `docker stop` through npm) is passed on, so the script shuts down in its order.
 */
export function handOver(script, args = []) {
  ensureDependencies();
  ensurePrismaClient();
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  process.on("SIGINT", () => {});
  for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  // `npm start` runs this through `sh -c`, and npm passes a SIGTERM it gets only to that shell,
  // which dies without passing it on: being handed to another parent is how this process learns.
  const parent = process.ppid;
  const orphaned = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(orphaned);
    child.kill("SIGTERM");
  }, 500);
  orphaned.unref();
  child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 0 : 1)));
}
