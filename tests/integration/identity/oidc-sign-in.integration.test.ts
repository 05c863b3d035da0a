// Signing in through a school's OpenID Provider, end to end: our routes against the OIDC
// simulator (npm oidc-provider) over HTTP — code flow with PKCE, the member keyed by `sub` unless
// the school chose another claim, a state that is not ours, an error answer that is not ours, a
// cancelled login, a code used twice, a person the directory lacks, and 【不是我，换个账号】 ending
// the session here and at the provider (end_session with id_token_hint) so the next login asks
// for the password.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDemoSimulators } from "~/server/identity/private-origins";
import { startOidcSimulator, type OidcSimulator } from "~/sims/oidc";
import { encryptSecret } from "~/server/crypto/secrets";
import { encryptionKey } from "~/server/crypto/keys";
import { forgetDiscovery } from "~/server/identity/oidc/discovery";
import { oidcClientSecretContext } from "~/server/identity/oidc/settings";
import { makeTenant, testPrisma, type TestTenant } from "../support";
import { Browser, readForm } from "../sims/browser";
import { AppBrowser, locationOf } from "./sso-kit";

const prisma = testPrisma();
const PASSWORD = "Passw0rd!";
const SECRET = "oidc-test-client-secret-0123456789";
let sim: OidcSimulator;
let t: TestTenant;
/** A second school that leaves the account claim at its default (`sub`). */
let bySub: TestTenant;

beforeAll(async () => {
  sim = await startOidcSimulator({ port: 0 });
  await listDemoSimulators(prisma, [sim.issuer]);
  t = await makeTenant(prisma, { idpKind: "OIDC" });
  bySub = await makeTenant(prisma, { idpKind: "OIDC" });
  const put = (p: string, body: unknown) => fetch(`${sim.url}/__sim/${p}`, { method: "PUT", body: JSON.stringify(body) });
  for (const school of [t, bySub]) {
    const origin = `http://${school.host}`;
    expect(
      (
        await put(`clients/${school.slug}`, {
          client_id: school.slug,
          client_secret: SECRET,
          client_name: "测试学校",
          redirect_uris: [`${origin}/api/identity/oidc/callback`],
          post_logout_redirect_uris: [`${origin}/login`],
        })
      ).status,
    ).toBe(200);
  }
  expect(
    (
      await put("accounts", [
        {
          sub: "opaque-subject-1",
          account: t.memberAccount,
          password: PASSWORD,
          name: t.memberName,
          claims: { identity_kind: "student_staff" },
        },
        { sub: "opaque-subject-2", account: "9999999", password: PASSWORD, name: "陌生人" },
        // bySub's member: the provider's subject is the 学号, the username something else.
        { sub: bySub.memberAccount, account: `login-${bySub.slug}`, password: PASSWORD, name: bySub.memberName },
        // A newcomer given the username bySub's member once had (providers may reassign it, OIDC Core §5.7).
        { sub: "opaque-subject-3", account: bySub.memberAccount, password: PASSWORD, name: "新来的人" },
      ])
    ).status,
  ).toBe(200);
  for (const school of [t, bySub]) {
    await prisma.identityProviderSettings.update({
      where: { tenantId: school.tenantId },
      data: {
        oidcIssuer: sim.issuer,
        oidcClientId: school.slug,
        oidcClientSecretEnc: encryptSecret(SECRET, encryptionKey(), oidcClientSecretContext(school.tenantId)),
        // Chosen deliberately for this school (its provider never reuses a username); bySub keeps the default.
        accountAttribute: school === t ? "preferred_username" : "",
      },
    });
  }
  forgetDiscovery();
});
afterAll(async () => {
  await sim.close();
  await prisma.$disconnect();
});

/** Follows the provider's redirects, filling its login form, until it sends the browser back to us. */
async function atProvider(op: Browser, from: URL, account: string, options: { cancel?: boolean } = {}) {
  let response = await op.get(from.pathname + from.search);
  let sawLoginForm = false;
  for (let i = 0; i < 12; i++) {
    if (response.status >= 300 && response.status < 400) {
      const next = locationOf(response, sim.url);
      if (next.origin !== sim.url) return { back: next, sawLoginForm };
      response = await op.get(next.pathname + next.search);
      continue;
    }
    const html = await response.text();
    const { action } = readForm(html);
    sawLoginForm = true;
    if (options.cancel) {
      const abort = /<form method="post" action="([^"]*\/abort)"/.exec(html)?.[1] ?? "";
      response = await op.post(abort, {});
    } else response = await op.post(action, { username: account, password: PASSWORD });
  }
  throw new Error("the provider never sent the browser back");
}

async function signIn(account = t.memberAccount, app = new AppBrowser(t.host), op = new Browser(sim.url)) {
  const started = await app.request("GET", "/api/identity/start?returnTo=/me");
  expect(started.status).toBe(302);
  const authorize = locationOf(started, app.origin);
  const { back, sawLoginForm } = await atProvider(op, authorize, account);
  const done = await app.request("GET", back.pathname + back.search);
  return { app, op, authorize, back, done, sawLoginForm };
}

function refused(done: Response, app: AppBrowser) {
  expect(done.status).toBe(303);
  expect(locationOf(done, app.origin).searchParams.get("sso")).toBe("failed");
  expect(app.cookies.has("next-auth.session-token")).toBe(false);
}

describe("a student signs in through the school's OpenID Provider", () => {
  it("uses the code flow with PKCE S256, state and nonce, and signs the member in by preferred_username", async () => {
    const { app, authorize, done } = await signIn();
    const q = authorize.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get("redirect_uri")).toBe(`http://${t.host}/api/identity/oidc/callback`);
    expect(q.get("state")?.length).toBeGreaterThanOrEqual(22);
    expect(q.get("nonce")?.length).toBeGreaterThanOrEqual(22);
    expect(done.headers.get("location")).toBe("/me");
    expect((await app.member(prisma))?.id).toBe(t.memberId);
  });

  it("keys the member by sub when the school has chosen no claim: a username handed on to someone else signs no one in as its old owner", async () => {
    const newcomer = await signIn(bySub.memberAccount, new AppBrowser(bySub.host));
    refused(newcomer.done, newcomer.app);
    const { readLoginOutcome } = await import("~/server/identity/login-outcome");
    expect(readLoginOutcome(newcomer.app.cookieHeader(), bySub.tenantId)).toMatchObject({
      code: "SSO_NOT_IN_DIRECTORY",
      vars: { account: "opaque-subject-3" },
    });
    const owner = await signIn(`login-${bySub.slug}`, new AppBrowser(bySub.host));
    expect(owner.done.headers.get("location")).toBe("/me");
    expect((await owner.app.member(prisma))?.id).toBe(bySub.memberId);
  });

  it("ignores an error answer with no state or another state: the pending login goes on, and the provider's words are never shown", async () => {
    const app = new AppBrowser(t.host);
    const started = await app.request("GET", "/api/identity/start?returnTo=/me");
    const pending = app.cookies.get("campus.identity-login");
    const words = encodeURIComponent("Your account is suspended: call +86 10 1234 5678");
    const { readLoginOutcome } = await import("~/server/identity/login-outcome");
    for (const query of [
      `error=access_denied&error_description=${words}`,
      `error=access_denied&error_description=${words}&state=not-ours-not-ours-not-ours`,
    ]) {
      const forged = await app.request("GET", `/api/identity/oidc/callback?${query}`);
      refused(forged, app);
      expect(app.cookies.get("campus.identity-login")).toBe(pending);
      const outcome = readLoginOutcome(app.cookieHeader(), t.tenantId);
      expect(outcome?.code).toBe("SSO_LOGIN_EXPIRED");
      expect(JSON.stringify(outcome)).not.toContain("suspended");
    }
    // The provider's real answer to this login still signs the person in.
    const { back } = await atProvider(new Browser(sim.url), locationOf(started, app.origin), t.memberAccount);
    const done = await app.request("GET", back.pathname + back.search);
    expect(done.headers.get("location")).toBe("/me");
    expect((await app.member(prisma))?.id).toBe(t.memberId);
  });

  it("refuses an answer whose state is not this browser's", async () => {
    const forged = new AppBrowser(t.host);
    await forged.request("GET", "/api/identity/start");
    refused(await forged.request("GET", `/api/identity/oidc/callback?code=abc&state=not-ours-not-ours-not-ours`), forged);
  });

  it("refuses a code used twice", async () => {
    const first = await signIn();
    const replay = new AppBrowser(t.host);
    // The replayer has a pending login of their own, with another state: a code alone opens nothing.
    await replay.request("GET", "/api/identity/start");
    refused(await replay.request("GET", first.back.pathname + first.back.search), replay);
  });

  it("says the person cancelled at the provider", async () => {
    const app = new AppBrowser(t.host);
    const started = await app.request("GET", "/api/identity/start");
    const { back } = await atProvider(new Browser(sim.url), locationOf(started, app.origin), "", { cancel: true });
    refused(await app.request("GET", back.pathname + back.search), app);
    const { readLoginOutcome } = await import("~/server/identity/login-outcome");
    expect(readLoginOutcome(app.cookieHeader(), t.tenantId)?.code).toBe("SSO_CANCELLED");
  });

  it("tells a person the directory does not know, and makes no session", async () => {
    const { app, done } = await signIn("9999999");
    refused(done, app);
    const { readLoginOutcome } = await import("~/server/identity/login-outcome");
    expect(readLoginOutcome(app.cookieHeader(), t.tenantId)).toMatchObject({ code: "SSO_NOT_IN_DIRECTORY", vars: { account: "9999999" } });
  });

  it("【不是我，换个账号】 ends the session here and at the provider, and the provider asks for the password again", async () => {
    const { app, op } = await signIn();
    const switched = await app.request("POST", "/api/identity/switch-account", { headers: { origin: app.origin } });
    const html = await switched.text();
    const logout = new URL(/content="0;url=([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"));
    expect(`${logout.origin}${logout.pathname}`).toBe(`${sim.issuer}/session/end`);
    expect(logout.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(logout.searchParams.get("post_logout_redirect_uri")).toBe(`http://${t.host}/login`);
    expect(await app.member(prisma)).toBeNull();
    // The provider's confirmation, then back to the school's login page.
    const confirm = await op.get(logout.pathname + logout.search);
    const page = await confirm.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1] ?? "";
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const out = await op.post(new URL(action, sim.url).pathname, { xsrf, logout: "yes" });
    expect(`${locationOf(out, sim.url).origin}${locationOf(out, sim.url).pathname}`).toBe(`http://${t.host}/login`);
    // Asked for the account again (and our next authorization request says prompt=login).
    const again = await signIn(t.memberAccount, app, op);
    expect(again.authorize.searchParams.get("prompt")).toBe("login");
    expect(again.sawLoginForm).toBe(true);
    expect((await app.member(prisma))?.id).toBe(t.memberId);
  });
});
