// Pieces shared by `npm start` (serve.ts) and `npm test` (test.ts).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");
export const dataDir = path.join(root, ".data");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/**
 * Development secrets, generated once into the git-ignored data folder. In
 * production the operator sets APP_ENCRYPTION_KEY and NEXTAUTH_SECRET.
 */
export function loadDevelopmentSecrets(): { APP_ENCRYPTION_KEY: string; NEXTAUTH_SECRET: string } {
  const file = path.join(dataDir, "secrets.json");
  // Development secrets and the simulator's state live here: owner only.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) {
    const secrets = { APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"), NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, "utf8")) as { APP_ENCRYPTION_KEY: string; NEXTAUTH_SECRET: string };
}

function hashTree(hash: ReturnType<typeof createHash>, target: string): void {
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) {
    for (const entry of readdirSync(target).sort()) hashTree(hash, path.join(target, entry));
    return;
  }
  hash.update(path.relative(root, target)).update(readFileSync(target));
}

/** A fingerprint of everything `next build` reads, to skip a build that is already current. */
function sourceFingerprint(env: Record<string, string | undefined>): string {
  const hash = createHash("sha256");
  for (const item of ["src", "public", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json"])
    hashTree(hash, path.join(root, item));
  hash.update(env.PLATFORM_DOMAIN ?? "");
  return hash.digest("hex");
}

/** Runs `next build` into `distDir` unless the build there is of these very sources. */
export function buildIfNeeded(distDir: string, env: NodeJS.ProcessEnv): void {
  const marker = path.join(root, distDir, ".source-fingerprint");
  const fingerprint = sourceFingerprint(env);
  if (existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === fingerprint) {
    console.log("› The production build is current.");
    return;
  }
  console.log("› Building the production bundle (next build)…");
  const result = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit", env: { ...env, NEXT_DIST_DIR: distDir } });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal}).`);
  writeFileSync(marker, fingerprint);
}

/**
 * Starts the production server (scripts/server.mjs: Next's handler behind a server that
 * works out the client's address, instead of `next start`) and resolves once it answers /api/health.
 */
export async function startNext(
  distDir: string,
  port: number,
  env: NodeJS.ProcessEnv,
  options: { quiet?: boolean; logFile?: string; warm?: WarmHosts } = {},
): Promise<ChildProcess> {
  const quiet = options.quiet ?? false;
  // Quiet: the server's output goes to logFile (read back when a test fails) or nowhere.
  const log = quiet && options.logFile ? openSync(options.logFile, "w") : null;
  // Only this child's answer counts: another run's server may hold the port since it was found free.
  const instance = randomBytes(8).toString("hex");
  const child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    stdio: log !== null ? ["ignore", log, log] : quiet ? "ignore" : "inherit",
    env: { ...env, NEXT_DIST_DIR: distDir, PORT: String(port), SERVER_INSTANCE_ID: instance },
  });
  if (log !== null) closeSync(log);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server (scripts/server.mjs) exited with ${child.exitCode}.`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok && response.headers.get("x-server-instance") === instance) {
        if (options.warm) await warmUp(port, options.warm);
        return child;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  child.kill("SIGTERM");
  throw new Error("The server (scripts/server.mjs) did not answer /api/health within 2 minutes.");
}

/** A school's host and the platform's own host (PLATFORM_DOMAIN) of the server being started. */
export type WarmHosts = { school: string; platform: string };

// Every page and the sign-in endpoints, once each (answered signed out: a page, or the
// redirect to its sign-in page, which loads the route all the same).
const WARM_PATHS = {
  school: [
    "/",
    "/login",
    "/join",
    "/bind-phone",
    "/follow",
    "/done",
    "/me",
    "/verify",
    "/verify/result",
    "/change-password",
    "/forgot-password",
    "/admin/login",
    "/admin",
    "/admin/helpdesk",
    "/admin/identity",
    "/admin/outbox",
    "/admin/qr",
    "/admin/wecom",
    "/api/auth/providers",
    "/api/auth/csrf",
  ],
  platform: ["/", "/vendor/login", "/vendor/enrol", "/vendor"],
} as const;

/**
 * Next's production server loads a route's code on its first request: ~1-1.5 s each on
 * this machine, several times that when three browsers open the cold routes at once.
 * Asking for every route once before the server counts as ready keeps that from the
 * first users after a start (and from the first tests of `npm test`).
 */
async function warmUp(port: number, hosts: WarmHosts): Promise<void> {
  for (const [area, paths] of Object.entries(WARM_PATHS) as [keyof WarmHosts, readonly string[]][])
    for (const target of paths) await getOnce(port, hosts[area], target);
}

function getOnce(port: number, host: string, target: string): Promise<void> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: "127.0.0.1", port, path: target, headers: { host: `${host}:${port}` }, timeout: 30_000 },
      (response) => {
        response.resume();
        response.on("end", () => resolve());
        response.on("error", () => resolve());
      },
    );
    // A route that fails here fails for its user too, who is told; the warm-up only makes it faster.
    request.on("error", () => resolve());
    request.on("timeout", () => request.destroy());
  });
}

/**
 * The bundled WeCom simulator as its own process (never in this one: spawnSync would freeze it).
 * With `ownProcessGroup` the terminal's Ctrl-C does not reach it, so its supervisor stops it
 * after the web server, whose jobs may still be talking to it.
 */
export async function startSimulatorProcess(
  port: number,
  stateFile?: string,
  options: { ownProcessGroup?: boolean } = {},
): Promise<ChildProcess> {
  const child = spawn(bin("tsx"), ["scripts/wecom-sim.ts"], {
    cwd: root,
    detached: options.ownProcessGroup ?? false,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, WECOM_SIM_PORT: String(port), WECOM_SIM_STATE_FILE: stateFile ?? "" },
  });
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error("The WeCom simulator exited at start.");
    if (
      await fetch(`http://127.0.0.1:${port}/__sim/corps`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGTERM");
  throw new Error("The WeCom simulator did not start within 20 s.");
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export function stopChild(child: ChildProcess | null, graceMs = 10_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
