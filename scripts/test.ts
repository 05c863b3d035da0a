// `npm test`: type-check, lint, the formatter's check, the migration check, unit tests, integration
// tests against a throwaway PostgreSQL, and Playwright against the production
// build. Every phase runs even when an earlier one fails; the last line is
// "N passed, N failed" and the exit code is non-zero on any failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { parseKey } from "../src/server/crypto/secrets";
import { createPrismaClient } from "../src/server/db/client";
import { findFreePort, reservePort, startEmbeddedPostgres, applyMigrations, createDatabases, databaseUrlFor } from "../tools/db";
import { createBoss, startBoss } from "../src/server/jobs/queue";
import { seedDemo } from "../src/server/seed/seed-demo";
import { resealLegacySecrets } from "../src/server/db/reseal";
import { connectDemoSchoolsToSso, startSsoSimulators } from "./lib/demo-sso";
import { connectDemoSchoolsToSimulator } from "./lib/demo-wecom";
import { buildIfNeeded, root, startNext, startSimulatorProcess, stopChild } from "./lib/runtime";

type Tally = { phase: string; passed: number; failed: number };
const tallies: Tally[] = [];
const resultsDir = path.join(root, "test-results");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  return result.status ?? 1;
}

/** A check with no test count of its own counts as one test. */
function check(phase: string, command: string, args: string[], env?: NodeJS.ProcessEnv) {
  console.log(`\n━━ ${phase}`);
  const ok = run(command, args, env) === 0;
  tallies.push({ phase, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function vitest(project: "unit" | "integration", env: NodeJS.ProcessEnv) {
  console.log(`\n━━ vitest: ${project}`);
  const output = path.join(resultsDir, `${project}.json`);
  rmSync(output, { force: true });
  const code = run(
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`],
    env,
  );
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(output);
  // A run that crashed before reporting counts as one failure.
  tallies.push({
    phase: `vitest ${project}`,
    passed: report?.numPassedTests ?? 0,
    failed: (report?.numFailedTests ?? 0) + (code !== 0 && !report?.numFailedTests ? 1 : 0),
  });
}

/** Debian's Chromium where there is one (installed when missing and we are root), else Playwright's own. */
function ensureChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("› Installing Chromium from Debian (apt-get install chromium)…");
    run("apt-get", ["update", "-qq"]);
    if (
      run("apt-get", ["install", "-y", "-qq", "chromium"], { ...process.env, DEBIAN_FRONTEND: "noninteractive" }) === 0 &&
      existsSync("/usr/bin/chromium")
    ) {
      return "/usr/bin/chromium";
    }
  }
  console.log("› No system Chromium: using Playwright's own download.");
  run(bin("playwright"), ["install", "chromium"]);
  return null;
}

async function endToEnd(adminUrl: string, secrets: { APP_ENCRYPTION_KEY: string; NEXTAUTH_SECRET: string }) {
  console.log("\n━━ playwright: end-to-end against the production build");
  const chromium = ensureChromium();
  const name = `e2e_${randomBytes(4).toString("hex")}`;
  await createDatabases(adminUrl, [name]);
  const databaseUrl = databaseUrlFor(adminUrl, name);
  await applyMigrations(databaseUrl);
  const prisma = createPrismaClient(databaseUrl);
  await resealLegacySecrets(prisma, parseKey(secrets.APP_ENCRYPTION_KEY));
  await seedDemo(prisma, parseKey(secrets.APP_ENCRYPTION_KEY));
  await prisma.$disconnect();

  // Held from now until the app starts on it, after a build of minutes: another run meanwhile takes another.
  const appPort = await reservePort(3700);
  const port = appPort.port;
  // As in the demo: the schools talk to a WeCom simulator of their own.
  const simPort = await findFreePort(3950);
  const simulator = await startSimulatorProcess(simPort);
  const simUrl = `http://127.0.0.1:${simPort}`;
  const boss = await startBoss(createBoss(databaseUrl));
  const wiring = createPrismaClient(databaseUrl);
  await connectDemoSchoolsToSimulator({
    prisma: wiring,
    boss,
    key: parseKey(secrets.APP_ENCRYPTION_KEY),
    simUrl,
    appUrl: `http://127.0.0.1:${port}`,
  });
  await Promise.all([wiring.$disconnect(), boss.stop({ graceful: false, wait: true })]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...secrets,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    PLATFORM_DOMAIN: "localhost",
    NEXT_TELEMETRY_DISABLED: "1",
    // The simulator is the one API besides the real WeCom that the app may call.
    WECOM_SIMULATOR_URL: simUrl,
    // What the simulator sees the app's calls come from: the egress IPs 【测试连接】 names for 60020.
    WECOM_EGRESS_IPS: process.env.WECOM_EGRESS_IPS || "127.0.0.1,::1",
  };
  // The schools' CAS and OIDC simulators, as in the demo (on the list of private origins); they end with this process.
  const sso = await startSsoSimulators({ appPort: port });
  const ssoWiring = createPrismaClient(databaseUrl);
  await connectDemoSchoolsToSso(ssoWiring, parseKey(secrets.APP_ENCRYPTION_KEY), sso).finally(() => ssoWiring.$disconnect());
  let server = null;
  const output = path.join(resultsDir, "e2e.json");
  const serverLog = path.join(resultsDir, "e2e-server.log");
  rmSync(output, { force: true });
  try {
    buildIfNeeded(".next", env);
    // What each member page ships, from the build just made (issue 9 §6); fails over its budget.
    check("JS budget of the member pages", bin("tsx"), ["scripts/js-budget.ts", ".next"], env);
    await appPort.release();
    server = await startNext(".next", port, env, {
      quiet: true,
      logFile: serverLog,
      warm: { school: "xawl.localhost", platform: "localhost" },
    });
    const code = run(bin("playwright"), ["test", ...e2eSpecs], {
      ...env,
      NODE_ENV: "test",
      E2E_PORT: String(port),
      E2E_WECOM_SIM_URL: simUrl,
      CHROMIUM_PATH: chromium ?? "",
      PLAYWRIGHT_JSON_OUTPUT_NAME: output,
    });
    if (code !== 0) printFailureContext(serverLog);
    const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(output);
    tallies.push({
      phase: "playwright",
      passed: report?.stats.expected ?? 0,
      failed:
        (report ? report.stats.unexpected + report.stats.flaky + report.stats.skipped : 0) +
        (code !== 0 && !report?.stats.unexpected ? 1 : 0),
    });
  } catch (error) {
    console.error(`✖ end-to-end setup failed: ${error instanceof Error ? error.message : String(error)}`);
    tallies.push({ phase: "playwright", passed: 0, failed: 1 });
  } finally {
    await appPort.release();
    await stopChild(server);
    await stopChild(simulator);
  }
}

/**
 * What a failed browser test saw, printed where CI shows it (the trace stays in test-results/):
 * each failure's page snapshot (Playwright's error-context.md) and the server's warnings and errors.
 */
function printFailureContext(serverLog: string) {
  const contexts = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const full = path.join(dir, entry.name);
          return entry.isDirectory() ? contexts(full) : entry.name === "error-context.md" ? [full] : [];
        })
      : [];
  for (const file of contexts(path.join(resultsDir, "e2e"))) {
    console.log(`\n━━ ${path.relative(root, file)} (first 80 lines)`);
    console.log(readFileSync(file, "utf8").split("\n").slice(0, 80).join("\n"));
  }
  const problems = existsSync(serverLog)
    ? readFileSync(serverLog, "utf8")
        .split("\n")
        .filter((line) => /"level":(4|5|6)0\b/.test(line) || /^\s*(Error|TypeError|⨯)/.test(line))
    : [];
  console.log(`\n━━ the server's warnings and errors during the run (${problems.length}; last 40)`);
  for (const line of problems.slice(-40)) console.log(line.slice(0, 600));
  // Last, where a tail of the output (CI's, fresh-check's) shows them: the tests that failed.
  const failed = failedTests(path.join(resultsDir, "e2e.json"));
  console.log(`\n━━ failed (${failed.length}):`);
  for (const title of failed) console.log(`  ✘ ${title}`);
}

type ReportSuite = { title: string; file?: string; specs?: { title: string; line: number; ok: boolean }[]; suites?: ReportSuite[] };

/** "file:line › title" of each failed test in Playwright's JSON report. */
function failedTests(report: string): string[] {
  const walk = (suite: ReportSuite, file: string): string[] => [
    ...(suite.specs ?? []).filter((spec) => !spec.ok).map((spec) => `${file}:${spec.line} › ${suite.title} › ${spec.title}`),
    ...(suite.suites ?? []).flatMap((child) => walk(child, suite.file ?? file)),
  ];
  return (readJson<{ suites?: ReportSuite[] }>(report)?.suites ?? []).flatMap((suite) => walk(suite, suite.file ?? suite.title));
}

// `npm test -- --e2e-only [spec …] [--repeat-each=N …]`: only the end-to-end phase, for working on a
// browser test; the other arguments go to Playwright as they are (a flake is hunted with --repeat-each).
const e2eOnly = process.argv.includes("--e2e-only");
const e2eSpecs = e2eOnly ? process.argv.slice(2).filter((arg) => arg !== "--e2e-only") : [];

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  const secrets = { APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"), NEXTAUTH_SECRET: randomBytes(32).toString("base64url") };
  // As in the demo: the tests' simulator sees the app's calls come from loopback (its egress IPs).
  const env = {
    ...process.env,
    ...secrets,
    NEXT_TELEMETRY_DISABLED: "1",
    WECOM_EGRESS_IPS: process.env.WECOM_EGRESS_IPS || "127.0.0.1,::1",
  };

  if (!e2eOnly) {
    check("type-check (tsc)", bin("tsc"), ["--noEmit", "-p", "."], env);
    check("lint (eslint)", bin("eslint"), [".", "--max-warnings=0"], env);
    check("format (prettier --check)", bin("prettier"), ["--check", "--log-level=warn", "."], env);
    vitest("unit", env);
  }

  // One throwaway cluster for everything that needs a database: never the demo one.
  const dir = mkdtempSync(path.join(os.tmpdir(), "campus-test-"));
  const cluster = await startEmbeddedPostgres({ dir, port: await findFreePort(55432), persistent: false });
  try {
    if (!e2eOnly) {
      check("migrations match schema.prisma", bin("tsx"), ["scripts/db.ts", "check"], { ...env, CHECK_DATABASE_URL: cluster.adminUrl });
      vitest("integration", { ...env, TEST_DATABASE_ADMIN_URL: cluster.adminUrl });
    }
    await endToEnd(cluster.adminUrl, secrets);
  } finally {
    await cluster.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }

  const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
  const failed = tallies.reduce((sum, t) => sum + t.failed, 0);
  console.log("\n━━ summary");
  for (const t of tallies) console.log(`  ${t.failed ? "✖" : "✔"} ${t.phase}: ${t.passed} passed, ${t.failed} failed`);
  console.log(`${passed} passed, ${failed} failed`);
  // Explicitly: the verdict is the tally's, whatever handles are still open.
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
