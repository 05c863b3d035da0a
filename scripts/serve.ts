// `npm start`: embedded PostgreSQL (unless DATABASE_URL is set), migrations,
// demo data, production build, and the server on PORT (default 3000).
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { parseKey } from "../src/server/crypto/secrets";
import { createPrismaClient } from "../src/server/db/client";
import { applyMigrations, findFreePort, startEmbeddedPostgres, type EmbeddedCluster } from "../tools/db";
import { DEMO_TENANTS } from "../src/server/seed/demo-tenants";
import { seedDemo } from "../src/server/seed/seed-demo";
import { resealLegacySecrets } from "../src/server/db/reseal";
import { createBoss, startBoss } from "../src/server/jobs/queue";
import { connectDemoSchoolsToSso, startSsoSimulators, type SsoSimulators } from "./lib/demo-sso";
import { connectDemoSchoolsToSimulator } from "./lib/demo-wecom";
import { describeFailure } from "./lib/describe-failure";
import { buildIfNeeded, dataDir, loadDevelopmentSecrets, startNext, startSimulatorProcess, stopChild } from "./lib/runtime";

const port = Number(process.env.PORT ?? 3000);
let cluster: EmbeddedCluster | null = null;
let server: ChildProcess | null = null;
let simulator: ChildProcess | null = null;
let sso: SsoSimulators | null = null;
let simulatorUrl: string | null = null;
let stopping: Promise<never> | null = null;

/**
 * Stops the web server (which first stops its job workers), then the simulators it talks to
 * (WeCom, CAS, OIDC), then PostgreSQL, which everything before it uses; once, whoever asks first (Ctrl-C, a
 * process manager's SIGTERM, the terminal closing, or the server dying). PostgreSQL and the
 * simulators run in process groups of their own, so the terminal's Ctrl-C reaches only the
 * web server and this supervisor, and the order is this one.
 */
function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    if (server || simulator || sso || cluster) console.log("\n› Stopping…");
    if (server) {
      // Its job workers get 5 s to finish what they hold (src/server/jobs/start-workers.ts).
      await stopChild(server, 15_000);
      console.log("› Web server stopped.");
    }
    if (simulator) {
      await stopChild(simulator);
      console.log("› WeCom simulator stopped.");
    }
    if (sso) {
      await sso.stop();
      console.log("› CAS and OIDC simulators stopped.");
    }
    if (cluster) {
      await cluster.stop().then(
        () => console.log("› PostgreSQL stopped."),
        (error: unknown) => console.error(`› PostgreSQL did not stop cleanly: ${describeFailure(error)}`),
      );
    }
    process.exit(code);
  })();
  return stopping;
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));
// Should this process die another way, the detached simulator must not outlive it (the
// embedded PostgreSQL has the same safety net in tools/db).
process.on("exit", () => simulator?.kill("SIGTERM"));

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  const embedded = !env.DATABASE_URL;
  if (!env.APP_ENCRYPTION_KEY || !env.NEXTAUTH_SECRET) Object.assign(env, { ...loadDevelopmentSecrets(), ...pickSet(env) });
  env.PLATFORM_DOMAIN ||= "localhost";

  if (embedded) {
    // The URL is made anew at every start, so any free port will do.
    const pgPort = env.EMBEDDED_PG_PORT ? Number(env.EMBEDDED_PG_PORT) : await findFreePort(54329);
    console.log(`› Starting the embedded PostgreSQL (data in .data/pg, port ${pgPort})…`);
    // It stops last, by shutdown() above, not on the first signal.
    cluster = await startEmbeddedPostgres({ dir: path.join(dataDir, "pg"), port: pgPort, stopOnSignals: false });
    await cluster.createDatabase("campus");
    env.DATABASE_URL = cluster.urlFor("campus");
  }

  // Its log names the schema engine that ran (native or WebAssembly) and each migration applied.
  const applied = await applyMigrations(env.DATABASE_URL!, { log: (line) => console.log(`› ${line}`) });
  if (applied.length === 0) console.log("› The database schema is current.");
  {
    const prisma = createPrismaClient(env.DATABASE_URL!);
    const resealed = await resealLegacySecrets(prisma, parseKey(env.APP_ENCRYPTION_KEY!)).finally(() => prisma.$disconnect());
    const count = Object.values(resealed).reduce((a, b) => a + b, 0);
    if (count) console.log(`› Re-sealed ${count} stored secrets in the row-bound format: ${JSON.stringify(resealed)}`);
  }

  if ((env.SEED_DEMO ?? (embedded ? "true" : "false")) === "true") {
    const prisma = createPrismaClient(env.DATABASE_URL!);
    const report = await seedDemo(prisma, parseKey(env.APP_ENCRYPTION_KEY!), env);
    await prisma.$disconnect();
    const created = Object.values(report).reduce((a, b) => a + b, 0);
    console.log(created ? `› Demo data: ${JSON.stringify(report)}` : "› Demo data is in place.");
  }

  const demo = (env.SEED_DEMO ?? (embedded ? "true" : "false")) === "true";
  // The demo's terminal keeps its banner readable: the app's JSON log says warnings and errors only,
  // unless the operator asks for more (LOG_LEVEL=info).
  if (demo) env.LOG_LEVEL ||= "warn";
  if (demo && env.WECOM_SIMULATOR !== "false") {
    const simPort = env.WECOM_SIM_PORT ? Number(env.WECOM_SIM_PORT) : await findFreePort(3900);
    simulator = await startSimulatorProcess(simPort, path.join(dataDir, "wecom-sim.json"), { ownProcessGroup: true });
    simulatorUrl = `http://127.0.0.1:${simPort}`;
    // The one API besides the real WeCom that the app will call (src/server/wecom/base-url.ts).
    env.WECOM_SIMULATOR_URL = simulatorUrl;
    // The simulator sees the app's calls come from loopback: those are the platform's egress IPs that
    // 【测试连接】 tells a school's admin to add as 企业可信IP (src/server/wecom/egress-ips).
    env.WECOM_EGRESS_IPS ||= "127.0.0.1,::1";
    const boss = await startBoss(createBoss(env.DATABASE_URL!));
    const prisma = createPrismaClient(env.DATABASE_URL!);
    const connected = await connectDemoSchoolsToSimulator({
      prisma,
      boss,
      key: parseKey(env.APP_ENCRYPTION_KEY!),
      simUrl: simulatorUrl,
      appUrl: `http://127.0.0.1:${port}`,
    });
    await Promise.all([prisma.$disconnect(), boss.stop({ graceful: false, wait: true })]);
    console.log(`› WeCom simulator on http://127.0.0.1:${simPort} (phone page there); ${connected} demo schools connected.`);
  }

  // The schools' unified logins (CAS, OIDC), in demo mode as the WeCom simulator; shutdown() stops them after the web server.
  sso = demo ? await startSsoSimulators({ stateDir: dataDir, appPort: port, ownProcessGroup: true }) : null;
  if (sso) {
    // Their IdentityProviderSettings point at the simulators (idempotent, like the WeCom wiring above).
    const prisma = createPrismaClient(env.DATABASE_URL!);
    const wired = await connectDemoSchoolsToSso(prisma, parseKey(env.APP_ENCRYPTION_KEY!), sso).finally(() => prisma.$disconnect());
    console.log(`› Unified logins: ${wired} demo schools connected to the CAS and OIDC simulators.`);
  }

  buildIfNeeded(".next", env);
  const domain = env.PLATFORM_DOMAIN;
  server = await startNext(".next", port, env, {
    warm: domain ? { school: `${DEMO_TENANTS[0]!.slug}.${domain}`, platform: domain } : undefined,
  });
  server.once("exit", (code) => void shutdown(code ?? 1));

  console.log(`\n✔ Serving on port ${port}.`);
  console.log(`  Vendor console:  http://${domain}:${port}/vendor`);
  if (simulatorUrl) console.log(`  WeCom simulator: ${simulatorUrl}  (a phone-sized WeChat: scan, follow, see messages)`);
  for (const line of sso?.banner ?? []) console.log(line);
  for (const tenant of DEMO_TENANTS) console.log(`  ${tenant.name.padEnd(10, "　")} http://${tenant.slug}.${domain}:${port}`);
  console.log("  Demo accounts are listed in README.md. Press Ctrl-C to stop.\n");
}

/** The variables the operator did set win over generated ones. */
function pickSet(env: NodeJS.ProcessEnv) {
  return Object.fromEntries(["APP_ENCRYPTION_KEY", "NEXTAUTH_SECRET"].filter((k) => env[k]).map((k) => [k, env[k]]));
}

main().catch(async (error: unknown) => {
  console.error(`\n✖ ${describeFailure(error)}`);
  await shutdown(1);
});
