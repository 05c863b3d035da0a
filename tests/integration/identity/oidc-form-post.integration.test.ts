// A school's OpenID Provider that answers with a form post (response_mode=form_post, OAuth 2.0
// Form Post Response Mode) — the shape SAML's HTTP-POST binding will have too. The post comes from
// the provider's site, so a browser sends none of our SameSite=Lax cookies with it: the pending
// login is not there. The answer is kept and the browser sent to a GET of the callback, which
// brings the pending login; only then is the answer checked and the member signed in. The kept
// answer is good once, for the browser whose login it answers, and the post is read with a cap.
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
const SECRET = "oidc-form-post-client-secret-0123456789";
let sim: OidcSimulator;
let t: TestTenant;

beforeAll(async () => {
  sim = await startOidcSimulator({ port: 0 });
  await listDemoSimulators(prisma, [sim.issuer]);
  t = await makeTenant(prisma, { idpKind: "OIDC" });
  const put = (p: string, body: unknown) => fetch(`${sim.url}/__sim/${p}`, { method: "PUT", body: JSON.stringify(body) });
  const client = {
    client_id: t.slug,
    client_secret: SECRET,
    client_name: "测试学校",
    redirect_uris: [`http://${t.host}/api/identity/oidc/callback`],
    post_logout_redirect_uris: [`http://${t.host}/login`],
  };
  expect((await put(`clients/${t.slug}`, client)).status).toBe(200);
  expect((await put("accounts", [{ sub: t.memberAccount, account: t.memberAccount, password: PASSWORD, name: t.memberName }])).status).toBe(
    200,
  );
  await prisma.identityProviderSettings.update({
    where: { tenantId: t.tenantId },
    data: {
      oidcIssuer: sim.issuer,
      oidcClientId: t.slug,
      oidcClientSecretEnc: encryptSecret(SECRET, encryptionKey(), oidcClientSecretContext(t.tenantId)),
      oidcResponseMode: "form_post",
    },
  });
  forgetDiscovery();
});
afterAll(async () => {
  await sim.close();
  await prisma.$disconnect();
});

/** Through the provider's login to the page that posts its answer to us: that form's action and fields. */
async function toPostedAnswer(app: AppBrowser) {
  const started = await app.request("GET", "/api/identity/start?returnTo=/me");
  const authorize = locationOf(started, app.origin);
  const op = new Browser(sim.url);
  let response = await op.get(authorize.pathname + authorize.search);
  for (let i = 0; i < 12; i++) {
    if (response.status >= 300 && response.status < 400) {
      const next = locationOf(response, sim.url);
      response = await op.get(next.pathname + next.search);
      continue;
    }
    const html = await response.text();
    const { action } = readForm(html);
    if (action.startsWith(app.origin)) {
      const fields = new URLSearchParams();
      for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)) fields.set(m[1] ?? "", m[2] ?? "");
      return { authorize, action: new URL(action), fields };
    }
    response = await op.post(action, { username: t.memberAccount, password: PASSWORD });
  }
  throw new Error("the provider never posted its answer");
}

/** The answer posted from the provider's page: no cookie of ours goes with it. */
const post = (app: AppBrowser, answer: { action: URL; fields: URLSearchParams }) =>
  app.request("POST", answer.action.pathname, {
    headers: { "content-type": "application/x-www-form-urlencoded", origin: sim.url },
    body: answer.fields.toString(),
    fromSchoolSite: true,
  });

describe("a provider that answers with a form post", () => {
  it("signs the member in: the post is kept, and the GET it leads to brings the pending login", async () => {
    const app = new AppBrowser(t.host);
    const answer = await toPostedAnswer(app);
    expect(answer.authorize.searchParams.get("response_mode")).toBe("form_post");
    expect(answer.fields.get("code")).toBeTruthy();
    const kept = await post(app, answer);
    expect(kept.status).toBe(303);
    const next = locationOf(kept, app.origin);
    expect(next.pathname).toBe("/api/identity/oidc/callback");
    // The code stays out of the address bar: the GET names the kept answer only.
    expect([...next.searchParams.keys()]).toEqual(["posted"]);
    expect(await app.member(prisma)).toBeNull();
    const done = await app.request("GET", next.pathname + next.search);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/me");
    expect((await app.member(prisma))?.id).toBe(t.memberId);
    expect(await prisma.identityCallbackPost.count({ where: { tenantId: t.tenantId } })).toBe(0);
  });

  it("keeps an answer once, for the browser whose login it answers", async () => {
    const victim = new AppBrowser(t.host);
    const answer = await toPostedAnswer(victim);
    const next = locationOf(await post(victim, answer), victim.origin);
    // Another browser with a login of its own cannot spend it, nor lose its own pending login.
    const other = new AppBrowser(t.host);
    await other.request("GET", "/api/identity/start?returnTo=/me");
    const stolen = await other.request("GET", next.pathname + next.search);
    expect(locationOf(stolen, other.origin).searchParams.get("sso")).toBe("failed");
    expect(await other.member(prisma)).toBeNull();
    expect(other.cookies.has("campus.identity-login")).toBe(true);
    // Taken by the first try, it is gone for the right browser too: the login starts again.
    const late = await victim.request("GET", next.pathname + next.search);
    expect(locationOf(late, victim.origin).searchParams.get("sso")).toBe("failed");
    expect(await victim.member(prisma)).toBeNull();
  });

  it("reads the post with a cap and takes forms only", async () => {
    const app = new AppBrowser(t.host);
    const huge = await app.request("POST", "/api/identity/oidc/callback", {
      headers: { "content-type": "application/x-www-form-urlencoded", origin: sim.url },
      body: `code=${"x".repeat(200 * 1024)}`,
      fromSchoolSite: true,
    });
    expect(huge.status).toBe(413);
    const json = await app.request("POST", "/api/identity/oidc/callback", {
      headers: { "content-type": "application/json", origin: sim.url },
      body: "{}",
      fromSchoolSite: true,
    });
    expect(json.status).toBe(415);
    expect(await prisma.identityCallbackPost.count({ where: { tenantId: t.tenantId } })).toBe(0);
  });
});
