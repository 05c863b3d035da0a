// Demo mode and the end-to-end tests: the schools' unified logins run as simulators of their own,
// seeded from the demo schools. The CAS simulator serves sues (Wisedu IDS at /sues/authserver),
// imut (Apereo CAS at /imut/cas) and uestc (Wisedu, candidates too); the OIDC simulator is demo's
// provider. Every demo member signs in with the README's account and password (Passw0rd!).
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { encryptSecret } from "../../src/server/crypto/secrets";
import { OIDC_CALLBACK_PATH } from "../../src/server/identity/oidc/authorization";
import { listDemoSimulators } from "../../src/server/identity/private-origins";
import { oidcClientSecretContext } from "../../src/server/identity/oidc/settings";
import { personAttributes, type Person, type SchoolInput } from "../../src/sims/cas";
import type { OidcAccount } from "../../src/sims/oidc";
import { findFreePort } from "../../tools/db";
import { DEMO_PASSWORD, DEMO_TENANTS, type DemoTenant } from "../../src/server/seed/demo-tenants";

const root = path.resolve(import.meta.dirname, "..", "..");

/** How each CAS school of the demo deploys its server (reference §2.1: /authserver for Wisedu IDS, /cas for Apereo). */
const CAS_LAYOUT: Record<string, { basePath: string; attributeStyle: "apereo" | "wisedu"; version: "CAS2" | "CAS3" }> = {
  // Wisedu IDS: /serviceValidate, which carries its attributes (reference §2.1: /p3 not confirmed there).
  sues: { basePath: "/sues/authserver", attributeStyle: "wisedu", version: "CAS2" },
  imut: { basePath: "/imut/cas", attributeStyle: "apereo", version: "CAS3" },
  uestc: { basePath: "/uestc/authserver", attributeStyle: "wisedu", version: "CAS2" },
};

/** The demo OIDC client. Its secret is published like every demo password: only for the demo database. */
export const DEMO_OIDC_CLIENT = { client_id: "campus-demo", client_secret: "demo-oidc-client-secret-DO-NOT-USE-IN-PRODUCTION" };

export type SsoSimulators = {
  /** Origin of the CAS simulator; each school's CAS base URL is this plus its base path. */
  casUrl: string;
  /** Base URLs of the demo's CAS schools, by slug (e.g. sues → http://127.0.0.1:3920/sues/authserver). */
  casBaseUrls: Record<string, string>;
  /** Issuer (and origin) of the OIDC simulator. */
  oidcIssuer: string;
  oidcClient: typeof DEMO_OIDC_CLIENT & { redirect_uri: string; post_logout_redirect_uri: string };
  /** Lines for npm start's banner. */
  banner: string[];
  stop: () => Promise<void>;
};

type Member = DemoTenant["members"][number];

/** What the school calls the person (the demo data names the identity kind; the type is read off the account and department). */
function personType(member: Member): string {
  if (member.kind === "candidate") return "考生";
  if (member.account.startsWith("T")) return "教职工";
  if (member.department.includes("研究生")) return "研究生";
  if (member.department === "国际学院") return "留学生";
  return "本科生";
}

const person = (member: Member): Person => ({
  account: member.account,
  name: member.name,
  kind: member.kind,
  type: personType(member),
  department: member.department,
  email: member.email,
});

export function demoCasSchools(tenants: DemoTenant[], appPort: number): (SchoolInput & { id: string })[] {
  return tenants
    .filter((t) => t.idpKind === "CAS" && CAS_LAYOUT[t.slug])
    .map((t) => {
      const layout = CAS_LAYOUT[t.slug]!;
      return {
        id: t.slug,
        basePath: layout.basePath,
        attributeStyle: layout.attributeStyle,
        title: `${t.name}统一身份认证`,
        // As a school whitelists an application by its address (reference §2.5): the tenant's own host.
        services: [`^http://${t.slug}\\.localhost:${appPort}/`],
        users: t.members.map((m) => ({
          account: m.account,
          password: DEMO_PASSWORD,
          attributes: personAttributes(layout.attributeStyle, person(m)),
        })),
      };
    });
}

/** A subject that is stable across restarts but is not the account: the product must key OIDC users on (issuer, sub). */
const subjectOf = (slug: string, account: string) => `u-${createHash("sha256").update(`${slug}:${account}`).digest("hex").slice(0, 24)}`;

export function demoOidcAccounts(tenants: DemoTenant[]): OidcAccount[] {
  return tenants
    .filter((t) => t.idpKind === "OIDC")
    .flatMap((t) =>
      t.members.map((m) => ({
        sub: subjectOf(t.slug, m.account),
        account: m.account,
        password: DEMO_PASSWORD,
        name: m.name,
        ...(m.email ? { email: m.email } : {}),
        claims: { identity_kind: m.kind, person_type: personType(m), department: m.department },
      })),
    );
}

/** Starts `script` as its own process (a simulator never runs in the app's process) and waits for its GET /__sim. */
async function startProcess(script: string, env: Record<string, string>, port: number, ownProcessGroup: boolean): Promise<ChildProcess> {
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [script], {
    cwd: root,
    // Out of the terminal's process group, Ctrl-C does not stop it before the app that signs members in through it.
    detached: ownProcessGroup,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env },
  });
  // The simulators go when this process goes, whichever way it ends.
  process.once("exit", () => child.kill("SIGTERM"));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited at start.`);
    if (
      await fetch(`http://127.0.0.1:${port}/__sim`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGTERM");
  throw new Error(`${script} did not start within 20 s.`);
}

async function put(origin: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${origin}/__sim/${path}`, { method: "PUT", body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`PUT ${origin}/__sim/${path}: HTTP ${response.status} ${await response.text()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Starts the CAS and OIDC simulators on free ports (CAS_SIM_PORT / OIDC_SIM_PORT when set) and
 * seeds them from the demo schools. With `stateDir`, their state (the OIDC signing keys above all)
 * is kept in cas-sim.json and oidc-sim.json there. The app may call them once they are on the
 * operator's list of private origins, which connectDemoSchoolsToSso does.
 */
export async function startSsoSimulators(options: {
  stateDir?: string;
  /** The app's port: the OIDC client's redirect URIs and the CAS schools' registered services name it. */
  appPort: number;
  /** The schools whose members become the simulators' accounts (the demo schools by default). */
  tenants?: DemoTenant[];
  /** Run them in process groups of their own, for a supervisor that stops them itself, in its order (npm start). */
  ownProcessGroup?: boolean;
}): Promise<SsoSimulators> {
  const tenants = options.tenants ?? DEMO_TENANTS;
  const casPort = process.env.CAS_SIM_PORT ? Number(process.env.CAS_SIM_PORT) : await findFreePort(3920);
  // Searched past the CAS port: neither listens yet, so the two searches must not meet.
  const oidcPort = process.env.OIDC_SIM_PORT ? Number(process.env.OIDC_SIM_PORT) : await findFreePort(Math.max(3930, casPort + 1));
  const state = (name: string) => (options.stateDir ? path.join(options.stateDir, name) : "");
  const [cas, oidc] = await Promise.all([
    startProcess(
      "scripts/cas-sim.ts",
      { CAS_SIM_PORT: String(casPort), CAS_SIM_STATE_FILE: state("cas-sim.json") },
      casPort,
      options.ownProcessGroup ?? false,
    ),
    startProcess(
      "scripts/oidc-sim.ts",
      { OIDC_SIM_PORT: String(oidcPort), OIDC_SIM_STATE_FILE: state("oidc-sim.json") },
      oidcPort,
      options.ownProcessGroup ?? false,
    ),
  ]);
  const casUrl = `http://127.0.0.1:${casPort}`;
  const oidcIssuer = `http://127.0.0.1:${oidcPort}`;
  const stop = () => Promise.all([stopProcess(cas), stopProcess(oidc)]).then(() => undefined);
  try {
    // PUT replaces: a school kept from an earlier run gets today's members and the app's port.
    const schools = demoCasSchools(tenants, options.appPort);
    for (const school of schools) await put(casUrl, `schools/${school.id}`, school);
    const demoTenant = tenants.find((t) => t.idpKind === "OIDC");
    const appOrigin = `http://${demoTenant?.slug ?? "demo"}.localhost:${options.appPort}`;
    // As the school's IT office registers the product with its provider (docs/identity.md): our
    // redirect URI, and the login page as where to return after logout (【不是我，换个账号】).
    const redirect_uri = `${appOrigin}${OIDC_CALLBACK_PATH}`;
    const post_logout_redirect_uri = `${appOrigin}/login`;
    await put(oidcIssuer, `clients/${DEMO_OIDC_CLIENT.client_id}`, {
      ...DEMO_OIDC_CLIENT,
      client_name: demoTenant?.name,
      redirect_uris: [redirect_uri],
      post_logout_redirect_uris: [post_logout_redirect_uri, `${appOrigin}/`],
    });
    await put(oidcIssuer, "accounts", demoOidcAccounts(tenants));
    const casBaseUrls = Object.fromEntries(schools.map((s) => [s.id, `${casUrl}${s.basePath}`]));
    return {
      casUrl,
      casBaseUrls,
      oidcIssuer,
      oidcClient: { ...DEMO_OIDC_CLIENT, redirect_uri, post_logout_redirect_uri },
      banner: [
        `  CAS simulator:   ${casUrl}  (${Object.values(casBaseUrls).join(", ")})`,
        `  OIDC simulator:  ${oidcIssuer}  (issuer; client ${DEMO_OIDC_CLIENT.client_id})`,
      ],
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Puts the simulators on the operator's list of private origins (note 「演示用模拟器」), as the
 * operator would a school's campus server — they get no rule of their own — and points the demo
 * schools' unified logins at the simulators just started (the CAS schools at their
 * base URLs, demo at the OIDC issuer with the demo client), as their IT office would in
 * /admin/identity. Idempotent, like the WeCom wiring: a school whose settings name some other
 * server (an admin connected it elsewhere) is left alone; one on a simulator follows it to its new port.
 */
export async function connectDemoSchoolsToSso(
  prisma: PrismaClient,
  key: Buffer,
  sso: Pick<SsoSimulators, "casUrl" | "casBaseUrls" | "oidcIssuer" | "oidcClient">,
  tenants: DemoTenant[] = DEMO_TENANTS,
): Promise<number> {
  const onSimulator = (value: string | null, origin: string) => {
    if (!value) return true;
    try {
      const url = new URL(value);
      return url.hostname === "127.0.0.1" && new URL(origin).hostname === "127.0.0.1";
    } catch {
      return false;
    }
  };
  await listDemoSimulators(prisma, [sso.casUrl, sso.oidcIssuer]);
  let connected = 0;
  for (const demo of tenants) {
    const tenant = await prisma.tenant.findUnique({ where: { slug: demo.slug }, select: { id: true, identityProvider: true } });
    const settings = tenant?.identityProvider;
    if (!tenant || !settings) continue;
    if (demo.idpKind === "CAS" && sso.casBaseUrls[demo.slug] && onSimulator(settings.casBaseUrl, sso.casUrl)) {
      await prisma.identityProviderSettings.update({
        where: { tenantId: tenant.id },
        data: { kind: "CAS", casBaseUrl: sso.casBaseUrls[demo.slug], casVersion: CAS_LAYOUT[demo.slug]?.version ?? "CAS3" },
      });
      connected++;
    } else if (demo.idpKind === "OIDC" && onSimulator(settings.oidcIssuer, sso.oidcIssuer)) {
      await prisma.identityProviderSettings.update({
        where: { tenantId: tenant.id },
        data: {
          kind: "OIDC",
          oidcIssuer: sso.oidcIssuer,
          oidcClientId: sso.oidcClient.client_id,
          oidcClientSecretEnc: encryptSecret(sso.oidcClient.client_secret, key, oidcClientSecretContext(tenant.id)),
          // Chosen deliberately, as a school would have to: the simulator's `sub` is opaque, and its
          // preferred_username is the 学号, which this provider (ours) never renames nor reuses.
          accountAttribute: "preferred_username",
          // The answer as a form post from the provider's site (cross-site to the school's host), so the
          // demo and its end-to-end test walk the path a SAML school's HTTP-POST binding will take.
          oidcResponseMode: "form_post",
        },
      });
      connected++;
    }
  }
  return connected;
}
