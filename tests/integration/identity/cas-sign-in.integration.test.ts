// Signing in through a school's CAS, end to end: our routes against the CAS simulator over HTTP,
// as Wisedu IDS (/authserver, CAS 2.0 with attributes), Apereo CAS (/cas, CAS 3.0) and a server at
// the root of its host; a strict CAS 2.0 server without attributes; a ticket used once; a ticket
// for another service or another browser's login, an expired one, forged and malformed answers, XXE
// and an entity bomb; a person the directory does not know; single logout ending the one session its
// ticket made; 【不是我，换个账号】 ending every session; and a campus behind one NAT address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDemoSimulators } from "~/server/identity/private-origins";
import { personAttributes, type SchoolInput, startCasSimulator, type CasSimulator } from "~/sims/cas";
import { logoutRequestXml } from "~/sims/cas/xml";
import { casTicketHash } from "~/server/identity/sso-sessions";
import { identityRegistration } from "~/server/identity/registration";
import { captured, repeatedKeys } from "../log-capture";
import { makeTenant, testPrisma, testScope, type TestTenant } from "../support";
import { Browser, readForm } from "../sims/browser";
import { AppBrowser, locationOf } from "./sso-kit";

const prisma = testPrisma();
const PASSWORD = "Passw0rd!";
let sim: CasSimulator;

beforeAll(async () => {
  sim = await startCasSimulator({ port: 0 });
  // On the operator's list of private origins, as the demo's bootstrap puts it: the app may call it.
  await listDemoSimulators(prisma, [sim.url]);
});
afterAll(async () => {
  await sim.close();
  await prisma.$disconnect();
});

type CasSchool = TestTenant & { simId: string; basePath: string };
let counter = 0;

/** A school of ours on CAS, and its server in the simulator knowing its member plus one person our directory lacks. */
async function casSchool(
  options: {
    basePath?: string;
    style?: "apereo" | "wisedu";
    version?: "CAS2" | "CAS3";
    accountAttribute?: string;
    extra?: Partial<SchoolInput>;
    /** More people the school's server knows (accounts; names made up). */
    people?: string[];
  } = {},
): Promise<CasSchool> {
  const t = await makeTenant(prisma, { idpKind: "CAS" });
  const simId = `s${++counter}-${t.slug.slice(1, 9)}`;
  const basePath = options.basePath ?? `/${simId}/authserver`;
  const style = options.style ?? "wisedu";
  const person = (account: string, name: string) => ({
    account,
    password: PASSWORD,
    attributes: personAttributes(style, { account, name, kind: "student_staff", type: "本科生", department: "计算机学院" }),
  });
  const put = await fetch(`${sim.url}/__sim/schools/${simId}`, {
    method: "PUT",
    body: JSON.stringify({
      basePath,
      title: `${simId}统一身份认证`,
      attributeStyle: style,
      users: [
        person(t.memberAccount, t.memberName),
        person("9999999", "陌生人"),
        ...(options.people ?? []).map((a) => person(a, `新生${a}`)),
      ],
      ...options.extra,
    }),
  });
  expect(put.status).toBe(200);
  await prisma.identityProviderSettings.update({
    where: { tenantId: t.tenantId },
    data: { casBaseUrl: `${sim.url}${basePath}`, casVersion: options.version ?? "CAS2", accountAttribute: options.accountAttribute ?? "" },
  });
  return { ...t, simId, basePath };
}

/** The service URL of the login a start sent the browser off with, and that login's own value in it. */
function serviceOf(started: Response, app: AppBrowser) {
  const service = new URL(locationOf(started, app.origin).searchParams.get("service") ?? "");
  return { service: service.href, nonce: service.searchParams.get("login") ?? "" };
}

/** 【统一身份认证登录】 → the school's login form → the ticket's redirect back, not yet followed. */
async function toCallback(app: AppBrowser, cas: Browser, account: string, returnTo = "/me") {
  const started = await app.request("GET", `/api/identity/start?returnTo=${encodeURIComponent(returnTo)}`);
  expect(started.status).toBe(302);
  const login = locationOf(started, app.origin);
  expect(login.origin).toBe(sim.url);
  const page = await cas.get(login.pathname + login.search);
  const { action, fields } = readForm(await page.text());
  const answer = await cas.post(action, { ...fields, username: account, password: PASSWORD });
  expect(answer.status).toBe(302);
  const back = locationOf(answer, sim.url);
  return { login, back, ticket: back.searchParams.get("ticket") ?? "" };
}

async function signIn(t: CasSchool, account = t.memberAccount) {
  const app = new AppBrowser(t.host);
  const cas = new Browser(sim.url);
  const { back, ticket, login } = await toCallback(app, cas, account);
  const done = await app.request("GET", back.pathname + back.search);
  return { app, cas, done, ticket, login, back };
}

const validations = async (t: CasSchool) =>
  (await (await fetch(`${sim.url}/__sim/schools/${t.simId}/validations`)).json()) as {
    endpoint: string;
    service: string;
    outcome: string;
  }[];

const fault = (t: CasSchool, body: unknown) =>
  fetch(`${sim.url}/__sim/schools/${t.simId}/faults`, { method: "PUT", body: JSON.stringify(body) });

function refusedWith(done: Response, app: AppBrowser) {
  expect(done.status).toBe(303);
  expect(locationOf(done, app.origin).pathname).toBe("/login");
  expect(locationOf(done, app.origin).searchParams.get("sso")).toBe("failed");
  expect(app.cookies.has("next-auth.session-token")).toBe(false);
}

describe("a student signs in through the school's CAS", () => {
  it("lands signed in on the page they came for, through a Wisedu IDS at /authserver (CAS 2.0 with attributes)", async () => {
    const t = await casSchool();
    const { app, done, login, back, ticket } = await signIn(t);
    // The login's own service URL, built from the school's record, byte-identical at /login and at validation.
    const service = login.searchParams.get("service") ?? "";
    expect(service).toMatch(new RegExp(`^http://${t.host.replace(/\./g, "\\.")}/api/identity/cas/callback\\?login=[A-Za-z0-9_-]{32}$`));
    expect(login.pathname).toBe(`${t.basePath}/login`);
    expect(back.href.startsWith(`${service}&ticket=ST-`)).toBe(true);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/me");
    expect(done.headers.get("referrer-policy")).toBe("no-referrer");
    const member = await app.member(prisma);
    expect(member?.id).toBe(t.memberId);
    expect(member?.claims.host).toBe(t.host);
    expect((await validations(t)).map((v) => [v.endpoint, v.service, v.outcome])).toEqual([["/serviceValidate", service, "success"]]);
    // The session is recorded for single logout by a keyed hash of the ticket, never the ticket.
    const rows = await prisma.ssoSession.findMany({ where: { tenantId: t.tenantId } });
    expect(rows.map((r) => r.casTicketHash)).toEqual([casTicketHash(t.tenantId, ticket)]);
    expect(JSON.stringify(await prisma.auditLog.findMany({ where: { tenantId: t.tenantId } }))).not.toContain(ticket);
  });

  it("builds the service URL from the school's record, never from the port or case a request's Host says", async () => {
    const t = await casSchool();
    const app = new AppBrowser(`${t.host.toUpperCase()}:6666`);
    const started = await app.request("GET", "/api/identity/start");
    expect(serviceOf(started, app).service.startsWith(`http://${t.host}/api/identity/cas/callback?login=`)).toBe(true);
  });

  it("works with a school whose service registry lets in exactly what /admin/identity tells it to", async () => {
    const t = await casSchool();
    const { rows } = await identityRegistration(await testScope(prisma, t.tenantId));
    const casServicePatterns = rows.find((r) => r.label === "idp.casServicePattern")!.values;
    const school = (await (await fetch(`${sim.url}/__sim/schools/${t.simId}`)).json()) as SchoolInput;
    await fetch(`${sim.url}/__sim/schools/${t.simId}`, {
      method: "PUT",
      body: JSON.stringify({ ...school, id: undefined, services: casServicePatterns }),
    });
    const { app } = await signIn(t);
    expect((await app.member(prisma))?.id).toBe(t.memberId);
  });

  it("works with Apereo CAS at /cas over CAS 3.0, keyed by a configured attribute", async () => {
    const t = await casSchool({ basePath: undefined, style: "apereo", version: "CAS3", accountAttribute: "uid" });
    await prisma.identityProviderSettings.update({ where: { tenantId: t.tenantId }, data: { casBaseUrl: `${sim.url}/${t.simId}/cas` } });
    await fetch(`${sim.url}/__sim/schools/${t.simId}`, { method: "GET" });
    const school = (await (await fetch(`${sim.url}/__sim/schools/${t.simId}`)).json()) as SchoolInput;
    await fetch(`${sim.url}/__sim/schools/${t.simId}`, {
      method: "PUT",
      body: JSON.stringify({ ...school, id: undefined, basePath: `/${t.simId}/cas` }),
    });
    const { app, done } = await signIn({ ...t, basePath: `/${t.simId}/cas` });
    expect(done.headers.get("location")).toBe("/me");
    expect((await app.member(prisma))?.id).toBe(t.memberId);
    expect((await validations(t)).map((v) => v.endpoint)).toEqual(["/p3/serviceValidate"]);
  });

  it("works with a CAS server at the root of its host", async () => {
    const t = await casSchool({ basePath: "" });
    await prisma.identityProviderSettings.update({ where: { tenantId: t.tenantId }, data: { casBaseUrl: `${sim.url}/` } });
    const { app, login } = await signIn(t);
    expect(login.pathname).toBe("/login");
    expect((await app.member(prisma))?.id).toBe(t.memberId);
    await fetch(`${sim.url}/__sim/schools/${t.simId}`, { method: "DELETE" });
  });

  it("signs in by cas:user on a strict CAS 2.0 server that releases no attributes, and refuses when the configured attribute is missing", async () => {
    const t = await casSchool({ extra: { serviceValidateAttributes: false } });
    const { app } = await signIn(t);
    expect((await app.member(prisma))?.id).toBe(t.memberId);
    await prisma.identityProviderSettings.update({ where: { tenantId: t.tenantId }, data: { accountAttribute: "uid" } });
    const second = await signIn(t);
    refusedWith(second.done, second.app);
    expect(await prisma.ssoSession.count({ where: { tenantId: t.tenantId } })).toBe(1);
  });

  it("accepts the CAS namespace as the default namespace and an unprefixed attributes block", async () => {
    const t = await casSchool();
    await fault(t, { validation: "unprefixed", count: 1 });
    expect((await (await signIn(t)).app.member(prisma))?.id).toBe(t.memberId);
    await fault(t, { validation: "unprefixed-attributes", count: 1 });
    expect((await (await signIn(t)).app.member(prisma))?.id).toBe(t.memberId);
  });
});

describe("tickets", () => {
  it("accepts a ticket once: the same ticket again is refused without asking the school", async () => {
    const t = await casSchool();
    const { back } = await signIn(t);
    const again = new AppBrowser(t.host);
    // A fresh pending login, so only the ticket's reuse is at stake.
    await again.request("GET", "/api/identity/start");
    refusedWith(await again.request("GET", back.pathname + back.search), again);
    expect((await validations(t)).length).toBe(1);
  });

  it("refuses a ticket issued for another service (INVALID_SERVICE)", async () => {
    const t = await casSchool();
    const app = new AppBrowser(t.host);
    const { nonce } = serviceOf(await app.request("GET", "/api/identity/start"), app);
    const cas = new Browser(sim.url);
    const page = await cas.get(`${t.basePath}/login?service=${encodeURIComponent("http://elsewhere.example/cb")}`);
    const { action, fields } = readForm(await page.text());
    const ticket = locationOf(
      await cas.post(action, { ...fields, username: t.memberAccount, password: PASSWORD }),
      sim.url,
    ).searchParams.get("ticket");
    refusedWith(await app.request("GET", `/api/identity/cas/callback?login=${nonce}&ticket=${ticket}`), app);
    expect((await validations(t)).map((v) => v.outcome)).toEqual(["INVALID_SERVICE"]);
  });

  it("refuses a ticket made for login A's service in browser B, even with a pending login of its own (login CSRF)", async () => {
    const t = await casSchool();
    // The attacker starts a login, signs in at the school as themself, and keeps the redirect back.
    const attacker = new AppBrowser(t.host);
    const { back, ticket } = await toCallback(attacker, new Browser(sim.url), t.memberAccount);
    // The victim has a login of their own under way (they tapped 【统一身份认证登录】), and is sent the link.
    const victim = new AppBrowser(t.host);
    const { nonce, service } = serviceOf(await victim.request("GET", "/api/identity/start"), victim);
    const refused = await victim.request("GET", back.pathname + back.search);
    expect(refused.status).toBe(303);
    expect(locationOf(refused, victim.origin).searchParams.get("sso")).toBe("failed");
    expect(await victim.member(prisma)).toBeNull();
    // Refused before the school is asked, and the victim's own login still waits for its own answer.
    expect(await validations(t)).toEqual([]);
    expect(victim.cookies.has("campus.identity-login")).toBe(true);
    // Even carrying the victim's own login value (were it known), the school refuses a ticket issued for
    // another service URL (CAS 3.0 §2.5.1, §3.1.1: INVALID_SERVICE).
    const guessed = await victim.request("GET", `/api/identity/cas/callback?login=${nonce}&ticket=${ticket}`);
    expect(locationOf(guessed, victim.origin).searchParams.get("sso")).toBe("failed");
    expect(await victim.member(prisma)).toBeNull();
    expect((await validations(t)).map((v) => [v.service, v.outcome])).toEqual([[service, "INVALID_SERVICE"]]);
  });

  it("refuses an expired ticket", async () => {
    const t = await casSchool();
    const app = new AppBrowser(t.host);
    const { back } = await toCallback(app, new Browser(sim.url), t.memberAccount);
    await fetch(`${sim.url}/__sim/schools/${t.simId}/expire-tickets`, { method: "POST" });
    refusedWith(await app.request("GET", back.pathname + back.search), app);
    expect((await validations(t)).map((v) => v.outcome)).toEqual(["INVALID_TICKET"]);
  });

  it("refuses a ticket that arrives without this browser's pending login (login CSRF), without asking the school", async () => {
    const t = await casSchool();
    const { back } = await toCallback(new AppBrowser(t.host), new Browser(sim.url), t.memberAccount);
    const victim = new AppBrowser(t.host);
    refusedWith(await victim.request("GET", back.pathname + back.search), victim);
    expect(await validations(t)).toEqual([]);
  });

  it("never sends a ticket that is not of the spec's shape (no parameter injection)", async () => {
    const t = await casSchool();
    const app = new AppBrowser(t.host);
    const { nonce } = serviceOf(await app.request("GET", "/api/identity/start"), app);
    const crafted = encodeURIComponent("ST-1&service=http://evil/<cas:authenticationSuccess>");
    refusedWith(await app.request("GET", `/api/identity/cas/callback?login=${nonce}&ticket=${crafted}`), app);
    expect(await validations(t)).toEqual([]);
  });
});

describe("hostile answers from the school's server", () => {
  it.each(["malformed-xml", "wrong-namespace", "echo-ticket-unescaped", "http-500", "oversized", "internal-error"])(
    "refuses a %s answer and makes no session",
    async (validation) => {
      const t = await casSchool();
      await fault(t, { validation, count: 1 });
      const { app, done } = await signIn(t);
      refusedWith(done, app);
      expect(await prisma.ssoSession.count({ where: { tenantId: t.tenantId } })).toBe(0);
    },
  );

  it("tells the operator's log why, in one line that names each key once", async () => {
    const t = await casSchool();
    await fault(t, { validation: "malformed-xml", count: 1 });
    const output = await captured(async () => {
      const { app, done } = await signIn(t);
      refusedWith(done, app);
    });
    const line = output.split("\n").find((l) => l.includes('"msg":"ticket validation failed"'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ tenant: t.slug, component: "cas", idp: "cas", failure: { kind: "not_cas" } });
    expect(repeatedKeys(line!)).toEqual([]);
  });

  it.each(["xxe", "entity-bomb"])("refuses a %s document without reading files or expanding entities", async (validation) => {
    const t = await casSchool();
    await fault(t, { validation, count: 1 });
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const { app, done } = await signIn(t);
    refusedWith(done, app);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    const audit = JSON.stringify(await prisma.auditLog.findMany({ where: { tenantId: t.tenantId } }));
    expect(audit).not.toContain("root:");
    expect(audit).not.toContain("lollol");
  });

  it("gives up on a slow server within its timeout", async () => {
    const t = await casSchool();
    await fault(t, { delayMs: 12_000 });
    const started = Date.now();
    const { app, done } = await signIn(t);
    refusedWith(done, app);
    expect(Date.now() - started).toBeLessThan(11_000);
    await fetch(`${sim.url}/__sim/schools/${t.simId}/faults`, { method: "DELETE" });
  }, 30_000);
});

describe("the directory decides who may join", () => {
  it("tells a person the school knows but the directory does not, naming the account and the school, and makes no session", async () => {
    const t = await casSchool();
    const { app, done } = await signIn(t, "9999999");
    refusedWith(done, app);
    expect(app.cookies.has("campus.identity-outcome")).toBe(true);
    const audit = await prisma.auditLog.findFirst({ where: { tenantId: t.tenantId, action: "member.sso.notInDirectory" } });
    expect(audit?.target).toBe("9999999");
    const { readLoginOutcome } = await import("~/server/identity/login-outcome");
    const outcome = readLoginOutcome(app.cookieHeader(), t.tenantId);
    expect(outcome).toMatchObject({ code: "SSO_NOT_IN_DIRECTORY", vars: { account: "9999999" } });
    const { errorMessage } = await import("~/server/errors");
    expect(errorMessage(outcome!.code, "zh-CN", outcome!.vars)).toContain("请联系学校信息中心");
    expect(errorMessage(outcome!.code, "en", outcome!.vars)).toContain("IT office");
  });

  it("respects a locked account as the built-in sign-in does", async () => {
    const t = await casSchool();
    await prisma.member.update({ where: { id: t.memberId }, data: { lockedUntil: new Date(Date.now() + 10 * 60_000) } });
    const { app, done } = await signIn(t);
    refusedWith(done, app);
    const { readLoginOutcome } = await import("~/server/identity/login-outcome");
    expect(readLoginOutcome(app.cookieHeader(), t.tenantId)?.code).toBe("ACCOUNT_LOCKED");
  });
});

describe("single logout and 【不是我，换个账号】", () => {
  it("the school's single logout ends the session made from that ticket, and nothing else", async () => {
    const t = await casSchool();
    const { app, ticket } = await signIn(t);
    const other = await signIn(await casSchool());
    const post = (xml: string, headers: Record<string, string> = {}) =>
      new AppBrowser(t.host).request("POST", "/api/identity/cas/callback", {
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams({ logoutRequest: xml }).toString(),
      });
    // A browser's post from another page is not the school's back channel; nor is a huge body.
    expect((await post(logoutRequestXml("LR-1", new Date(), ticket), { origin: "http://evil.example" })).status).toBe(403);
    expect((await post("x".repeat(20_000))).status).toBe(413);
    // Another school's ticket ends nothing here.
    expect((await post(logoutRequestXml("LR-2", new Date(), other.ticket))).status).toBe(200);
    expect((await app.member(prisma))?.id).toBe(t.memberId);
    expect((await post(logoutRequestXml("LR-3", new Date(), ticket))).status).toBe(200);
    expect(await app.member(prisma)).toBeNull();
    expect((await other.app.member(prisma)) !== null).toBe(true);
  });

  it("ends only the session its ticket made: the member's other device stays signed in", async () => {
    const t = await casSchool();
    const phone = await signIn(t);
    const laptop = await signIn(t);
    expect((await phone.app.member(prisma))?.id).toBe(t.memberId);
    expect((await laptop.app.member(prisma))?.id).toBe(t.memberId);
    const logout = await new AppBrowser(t.host).request("POST", "/api/identity/cas/slo", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ logoutRequest: logoutRequestXml("LR-9", new Date(), phone.ticket) }).toString(),
    });
    expect(logout.status).toBe(200);
    expect(await phone.app.member(prisma)).toBeNull();
    expect((await laptop.app.member(prisma))?.id).toBe(t.memberId);
    expect(await prisma.auditLog.count({ where: { tenantId: t.tenantId, action: "member.sso.singleLogout" } })).toBe(1);
  });

  it("the school's own logout posts single logout to our service URL, which our route takes", async () => {
    const t = await casSchool();
    const { cas } = await signIn(t);
    await cas.get(`${t.basePath}/logout`);
    const slo = (await (await fetch(`${sim.url}/__sim/schools/${t.simId}/slo?wait=1`)).json()) as { url: string }[];
    expect(slo.map((s) => s.url.replace(/\?login=[\w-]+$/, ""))).toEqual([`http://${t.host}/api/identity/cas/callback`]);
  });

  it("【不是我，换个账号】 ends the session here and at the school, and the next login asks for credentials again", async () => {
    const t = await casSchool();
    const { app, cas } = await signIn(t);
    // Same-origin only.
    const foreign = await app.request("POST", "/api/identity/switch-account", { headers: { origin: "http://evil.example" } });
    expect(foreign.status).toBe(403);
    expect((await app.member(prisma))?.id).toBe(t.memberId);
    const copied = new AppBrowser(t.host);
    for (const [k, v] of app.cookies) copied.cookies.set(k, v);

    const switched = await app.request("POST", "/api/identity/switch-account", { headers: { origin: app.origin } });
    expect(switched.status).toBe(200);
    const html = await switched.text();
    const logout = new URL(/http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"));
    expect(logout.href).toBe(`${sim.url}${t.basePath}/logout?service=${encodeURIComponent(`http://${t.host}/login`)}`);
    expect(await app.member(prisma)).toBeNull();
    // A copy of the cookie died with it (sessionVersion).
    expect(await copied.member(prisma)).toBeNull();

    const back = await cas.get(logout.pathname + logout.search);
    expect(locationOf(back, sim.url).href).toBe(`http://${t.host}/login`);
    const sessions = (await (await fetch(`${sim.url}/__sim/schools/${t.simId}/sessions`)).json()) as unknown[];
    expect(sessions).toEqual([]);
    // The next login on this browser asks the school for credentials again, whatever SSO it kept.
    const again = await app.request("GET", "/api/identity/start");
    expect(locationOf(again, app.origin).searchParams.get("renew")).toBe("true");
  });
});

describe("a campus behind one address (NAT)", () => {
  it("a flood of callbacks that answer no login of theirs does not stop a student behind the same address", async () => {
    const t = await casSchool();
    const NAT = "203.0.113.10";
    const prankster = new AppBrowser(t.host, NAT);
    // Far past the 30 a minute one address once had: without a pending login, and with one but not its value.
    for (let i = 0; i < 100; i++)
      refusedWith(await prankster.request("GET", `/api/identity/cas/callback?ticket=ST-forged-${i}`), prankster);
    await prankster.request("GET", "/api/identity/start");
    for (let i = 0; i < 50; i++) {
      refusedWith(await prankster.request("GET", `/api/identity/cas/callback?login=not-this-login-${i}&ticket=ST-forged-${i}`), prankster);
    }
    expect(await validations(t)).toEqual([]);
    const student = new AppBrowser(t.host, NAT);
    const { back } = await toCallback(student, new Browser(sim.url), t.memberAccount);
    const done = await student.request("GET", back.pathname + back.search);
    expect(done.headers.get("location")).toBe("/me");
    expect((await student.member(prisma))?.id).toBe(t.memberId);
    // The address's budget was spent by the student's one callback alone.
    const budget = await prisma.rateLimit.findUnique({ where: { key: `sso-callback:${t.tenantId}:${NAT}` } });
    expect(budget?.hits).toBe(1);
  });

  it("lets a hall of freshmen behind one address all start and finish their sign-in", async () => {
    // More than one address was once allowed (60 starts, 30 callbacks a minute); the limits are now sized for 2,000.
    const freshmen = Array.from({ length: 80 }, (_, i) => `2026${String(i).padStart(4, "0")}`);
    const t = await casSchool({ people: freshmen });
    const kind = await prisma.identityKind.findFirstOrThrow({ where: { tenantId: t.tenantId } });
    await prisma.member.createMany({
      data: freshmen.map((account) => ({
        tenantId: t.tenantId,
        account,
        name: `新生${account}`,
        identityKindId: kind.id,
        passwordHash: t.memberPasswordHash,
      })),
    });
    const HALL = "203.0.113.20";
    for (let at = 0; at < freshmen.length; at += 10) {
      await Promise.all(
        freshmen.slice(at, at + 10).map(async (account) => {
          const phone = new AppBrowser(t.host, HALL);
          const { back } = await toCallback(phone, new Browser(sim.url), account);
          const done = await phone.request("GET", back.pathname + back.search);
          expect(done.headers.get("location")).toBe("/me");
          expect((await phone.member(prisma))?.account).toBe(account);
        }),
      );
    }
    expect(await prisma.ssoSession.count({ where: { tenantId: t.tenantId } })).toBe(freshmen.length);
  }, 60_000);

  it("lets one pending login call back a few times at most, so a replayed login cookie cannot make the school validate guess after guess", async () => {
    const t = await casSchool();
    const app = new AppBrowser(t.host);
    const { nonce } = serviceOf(await app.request("GET", "/api/identity/start"), app);
    const loginCookie = new Map(app.cookies);
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      // The callback clears the login in the browser; a script simply sends the sealed cookie again.
      for (const [name, value] of loginCookie) app.cookies.set(name, value);
      refusedWith(await app.request("GET", `/api/identity/cas/callback?login=${nonce}&ticket=ST-guess-${i}`), app);
      const { readLoginOutcome } = await import("~/server/identity/login-outcome");
      outcomes.push(readLoginOutcome(app.cookieHeader(), t.tenantId)?.code ?? "");
    }
    expect(outcomes).toEqual(["SSO_TICKET_REJECTED", "SSO_TICKET_REJECTED", "SSO_TICKET_REJECTED", "RATE_LIMITED", "RATE_LIMITED"]);
    expect((await validations(t)).length).toBe(3);
  });
});
