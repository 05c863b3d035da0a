// The demo's unified logins as npm start and the end-to-end tests start them: both simulators as
// processes of their own, seeded from the demo schools, each demo member signing in with the
// README's account and password.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { connectDemoSchoolsToSso, type SsoSimulators, startSsoSimulators } from "../../../scripts/lib/demo-sso";
import { testPrisma } from "../support";
import { Browser, readForm } from "./browser";
import { parseCas } from "./cas-helpers";

const APP_PORT = 3999;
let sso: SsoSimulators;
const prisma = testPrisma();

beforeAll(async () => {
  sso = await startSsoSimulators({ appPort: APP_PORT });
}, 60_000);
afterAll(() => Promise.all([sso.stop(), prisma.$disconnect()]));

async function casLogin(base: string, slug: string, account: string) {
  const browser = new Browser(sso.casUrl);
  const service = `http://${slug}.localhost:${APP_PORT}/api/identity/cas/callback`;
  const page = await browser.get(`${base}/login?service=${encodeURIComponent(service)}`);
  expect(page.status).toBe(200);
  const { action, fields } = readForm(await page.text());
  const answer = await browser.post(action, { ...fields, username: account, password: "Passw0rd!" });
  const ticket = new URL(answer.headers.get("location") ?? "").searchParams.get("ticket") ?? "";
  const response = await fetch(`${sso.casUrl}${base}/serviceValidate?${new URLSearchParams({ service, ticket }).toString()}`);
  return parseCas(await response.text());
}

describe("startSsoSimulators", () => {
  it("puts both on the operator's list of private origins, noted 演示用模拟器, as the app's only way to call them", async () => {
    await connectDemoSchoolsToSso(prisma, randomBytes(32), sso, []);
    // Twice, as every npm start does: nothing doubles.
    await connectDemoSchoolsToSso(prisma, randomBytes(32), sso, []);
    const listed = await prisma.privateOrigin.findMany({
      where: { origin: { in: [sso.casUrl, sso.oidcIssuer] } },
      select: { origin: true, note: true },
      orderBy: { origin: "asc" },
    });
    expect(listed).toEqual([sso.casUrl, sso.oidcIssuer].sort().map((origin) => ({ origin, note: "演示用模拟器" })));
    expect(sso.casBaseUrls).toEqual({
      sues: `${sso.casUrl}/sues/authserver`,
      imut: `${sso.casUrl}/imut/cas`,
      uestc: `${sso.casUrl}/uestc/authserver`,
    });
  });

  it("lets the demo members sign in at the CAS schools with their attributes", async () => {
    const sues = await casLogin("/sues/authserver", "sues", "2024001");
    expect(sues.success?.user).toBe("2024001");
    expect(sues.success?.attributes.cn).toEqual(["张三"]);
    expect(sues.success?.attributes.userType).toEqual(["本科生"]);
    const candidate = await casLogin("/uestc/authserver", "uestc", "K2026510001");
    expect(candidate.success?.attributes.userType).toEqual(["考生"]);
    const imut = await casLogin("/imut/cas", "imut", "T1001");
    expect(imut.success?.attributes.displayName).toEqual(["王老师"]);
    expect(imut.success?.attributes.mail).toEqual(["wang@example.edu.cn"]);
  });

  it("registers the demo school's OIDC client with its redirect URI", async () => {
    const discovery = (await (await fetch(`${sso.oidcIssuer}/.well-known/openid-configuration`)).json()) as { issuer: string };
    expect(discovery.issuer).toBe(sso.oidcIssuer);
    const params = new URLSearchParams({
      client_id: sso.oidcClient.client_id,
      redirect_uri: `http://demo.localhost:${APP_PORT}/api/identity/oidc/callback`,
      response_type: "code",
      scope: "openid profile",
      state: "s",
      nonce: "n",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
    });
    const answer = await fetch(`${sso.oidcIssuer}/auth?${params.toString()}`, { redirect: "manual" });
    expect(new URL(answer.headers.get("location") ?? "", sso.oidcIssuer).pathname).toMatch(/^\/interaction\//);
    const accounts = (await (await fetch(`${sso.oidcIssuer}/__sim/accounts`)).json()) as { account: string; sub: string }[];
    expect(accounts.map((a) => a.account)).toContain("2024003");
    expect(accounts.every((a) => a.sub !== a.account)).toBe(true);
  });
});
