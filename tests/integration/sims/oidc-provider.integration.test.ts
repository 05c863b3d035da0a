// The OIDC simulator over HTTP, as the product's server and a browser meet it: discovery, a whole
// authorization-code login with PKCE driven with fetch and a cookie jar, an id_token verified
// with jose against the JWKS, userinfo, RP-initiated logout, and keys that survive a restart.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OidcSimulator, startOidcSimulator } from "~/sims/oidc";
import { ROUTE_HEADER } from "~/sims/shared/routes";
import { Browser, readForm } from "./browser";

const REDIRECT = "http://demo.localhost:3000/api/auth/oidc/callback";
const AFTER_LOGOUT = "http://demo.localhost:3000/";
const CLIENT = {
  client_id: "demo",
  client_secret: "demo-client-secret-0123456789",
  redirect_uris: [REDIRECT],
  post_logout_redirect_uris: [AFTER_LOGOUT],
  client_name: "示范大学",
};
const ACCOUNT = {
  sub: "demo:2024001",
  account: "2024001",
  password: "Passw0rd!",
  name: "张三",
  email: "zhangsan@example.edu.cn",
  claims: { identity_kind: "student_staff", department: "计算机科学与技术学院" },
};

let dir: string;
let sim: OidcSimulator;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "oidc-sim-"));
  sim = await startOidcSimulator({ port: 0, stateFile: path.join(dir, "state.json") });
  const put = async (p: string, body: unknown) =>
    (await fetch(`${sim.url}/__sim/${p}`, { method: "PUT", body: JSON.stringify(body) })).status;
  expect(await put("clients/demo", CLIENT)).toBe(200);
  expect(await put("accounts", [ACCOUNT, { sub: "demo:T1001", account: "T1001", password: "Passw0rd!", name: "王老师" }])).toBe(200);
});
afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const b64url = (buf: Buffer) => buf.toString("base64url");

type Discovery = Record<string, unknown> & {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint: string;
  end_session_endpoint: string;
};

async function discovery(): Promise<Discovery> {
  return (await (await fetch(`${sim.issuer}/.well-known/openid-configuration`)).json()) as Discovery;
}

/** Drives the browser from the authorization request to the callback; returns what came back on the redirect URI. */
async function authorize(browser: Browser, options: { nonce: string; state: string; challenge?: string; password?: string }) {
  const params = new URLSearchParams({
    client_id: "demo",
    redirect_uri: REDIRECT,
    response_type: "code",
    scope: "openid profile email campus",
    state: options.state,
    nonce: options.nonce,
  });
  if (options.challenge) {
    params.set("code_challenge", options.challenge);
    params.set("code_challenge_method", "S256");
  }
  let response = await browser.get(`/auth?${params.toString()}`);
  const steps: Response[] = [];
  for (let i = 0; i < 10 && response.status >= 300 && response.status < 400; i++) {
    const location = new URL(response.headers.get("location") ?? "", sim.url);
    if (location.href.startsWith(REDIRECT)) return { callback: location, steps };
    response = await browser.get(location.pathname + location.search);
    steps.push(response);
    if (response.status === 200 && location.pathname.startsWith("/interaction/")) {
      const html = await response.text();
      expect(html).toContain("用户名");
      expect(html).toContain("示范大学");
      const { action } = readForm(html);
      response = await browser.post(action, { username: ACCOUNT.account, password: options.password ?? ACCOUNT.password });
      steps.push(response);
    }
  }
  return { callback: null, steps, last: response };
}

async function exchange(code: string, verifier: string): Promise<Response> {
  const d = await discovery();
  return fetch(d.token_endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(CLIENT.client_id)}:${encodeURIComponent(CLIENT.client_secret)}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier }).toString(),
  });
}

async function fullLogin(browser: Browser) {
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash("sha256").update(verifier).digest());
  const nonce = b64url(randomBytes(16));
  const state = b64url(randomBytes(16));
  const { callback } = await authorize(browser, { nonce, state, challenge });
  expect(callback).not.toBeNull();
  return { callback: callback!, verifier, nonce, state };
}

describe("discovery and GET /__sim", () => {
  it("publishes the issuer, endpoints, S256 and RS256", async () => {
    const d = await discovery();
    expect(d.issuer).toBe(sim.issuer);
    expect(sim.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(d.code_challenge_methods_supported).toEqual(["S256"]);
    expect(d.id_token_signing_alg_values_supported).toEqual(["RS256"]);
    expect(d.response_types_supported).toEqual(["code"]);
    expect(d.end_session_endpoint).toBe(`${sim.issuer}/session/end`);
    expect(d.authorization_response_iss_parameter_supported).toBe(true);
    const jwks = (await (await fetch(d.jwks_uri)).json()) as { keys: { kty: string; alg: string; kid: string; d?: string }[] };
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256" });
    // The public half only.
    expect(jwks.keys[0]?.d).toBeUndefined();
  });

  it("lists its control routes and serves each", async () => {
    const listing = (await (await fetch(`${sim.url}/__sim`)).json()) as {
      simulator: string;
      control: { method: string; path: string }[];
      clients: { client_id: string }[];
    };
    expect(listing.simulator).toBe("oidc");
    expect(listing.control.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(["GET /__sim", "PUT /__sim/clients/:id", "PUT /__sim/accounts", "GET /__sim/clients", "GET /__sim/accounts"]),
    );
    expect(listing.clients.map((c) => c.client_id)).toContain("demo");
    for (const r of listing.control) {
      const target = r.path.replace(":id", "scratch").replace(":sub", "scratch");
      // Bodies that are refused (400) still prove the route is there; nothing here changes the demo client or accounts.
      const body = r.method === "GET" ? undefined : r.path === "/__sim/accounts" ? "null" : "{}";
      const response = await fetch(`${sim.url}${target}`, { method: r.method, body });
      expect(response.headers.get(ROUTE_HEADER), `${r.method} ${r.path}`).toBe(`${r.method} ${r.path}`);
      await response.body?.cancel();
    }
  });

  it("refuses a client oidc-provider would not take, and a claim it cannot release", async () => {
    const bad = await fetch(`${sim.url}/__sim/clients/bad`, {
      method: "PUT",
      body: JSON.stringify({ ...CLIENT, client_id: undefined, redirect_uris: ["ftp://x"] }),
    });
    expect(bad.status).toBe(400);
    const claim = await fetch(`${sim.url}/__sim/accounts/x`, {
      method: "PUT",
      body: JSON.stringify({ account: "x", password: "p", name: "x", claims: { is_admin: true } }),
    });
    expect(claim.status).toBe(400);
  });
});

describe("authorization code with PKCE", () => {
  it("logs in with 用户名/密码 and answers a token whose id_token verifies against the JWKS, with the nonce", async () => {
    const browser = new Browser(sim.url);
    const { callback, verifier, nonce, state } = await fullLogin(browser);
    expect(callback.searchParams.get("state")).toBe(state);
    // RFC 9207: the issuer in the authorization response, against mix-up between schools' providers.
    expect(callback.searchParams.get("iss")).toBe(sim.issuer);
    const code = callback.searchParams.get("code") ?? "";

    const answer = await exchange(code, verifier);
    expect(answer.status).toBe(200);
    const tokens = (await answer.json()) as { id_token: string; access_token: string; token_type: string };
    expect(tokens.token_type).toBe("Bearer");
    const d = await discovery();
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token, createRemoteJWKSet(new URL(d.jwks_uri)), {
      issuer: sim.issuer,
      audience: "demo",
    });
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload.sub).toBe("demo:2024001");
    expect(payload.nonce).toBe(nonce);
    expect(payload.preferred_username).toBe("2024001");
    expect(payload.name).toBe("张三");
    expect(payload.identity_kind).toBe("student_staff");

    const me = (await (await fetch(d.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()) as Record<
      string,
      unknown
    >;
    expect(me).toMatchObject({ sub: "demo:2024001", email: "zhangsan@example.edu.cn", department: "计算机科学与技术学院" });

    // A code is single use (RFC 6749 §4.1.2).
    const again = await exchange(code, verifier);
    expect(((await again.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("refuses a wrong code_verifier, and an authorization request without PKCE", async () => {
    const { callback } = await fullLogin(new Browser(sim.url));
    const wrong = await exchange(callback.searchParams.get("code") ?? "", b64url(randomBytes(32)));
    expect(((await wrong.json()) as { error: string }).error).toBe("invalid_grant");

    const noPkce = await new Browser(sim.url).get(
      `/auth?${new URLSearchParams({ client_id: "demo", redirect_uri: REDIRECT, response_type: "code", scope: "openid", state: "s", nonce: "n" }).toString()}`,
    );
    const location = new URL(noPkce.headers.get("location") ?? "");
    expect(location.href.startsWith(REDIRECT)).toBe(true);
    expect(location.searchParams.get("error")).toBe("invalid_request");
  });

  it("re-shows the login page with 用户名或密码错误 and 401 after a wrong password", async () => {
    const browser = new Browser(sim.url);
    const { steps } = await authorize(browser, {
      nonce: "n",
      state: "s",
      challenge: b64url(createHash("sha256").update("v".repeat(43)).digest()),
      password: "wrong",
    });
    const refused = steps.find((r) => r.status === 401);
    expect(refused).toBeDefined();
    expect(await refused?.text()).toContain("用户名或密码错误");
  });
});

describe("RP-initiated logout", () => {
  it("asks to confirm, ends the session and returns to the registered post_logout_redirect_uri with state", async () => {
    const browser = new Browser(sim.url);
    const { callback, verifier } = await fullLogin(browser);
    const tokens = (await (await exchange(callback.searchParams.get("code") ?? "", verifier)).json()) as { id_token: string };
    // Signed in: a second authorization needs no password (single sign-on at the provider).
    const sso = await authorize(browser, {
      nonce: "n1",
      state: "s1",
      challenge: b64url(createHash("sha256").update("u".repeat(43)).digest()),
    });
    expect(sso.callback?.searchParams.get("code")).toBeTruthy();
    expect(sso.steps.some((r) => r.status === 200)).toBe(false);
    const d = await discovery();
    const end = new URL(d.end_session_endpoint);
    const confirm = await browser.get(
      `${end.pathname}?${new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: AFTER_LOGOUT, state: "bye" }).toString()}`,
    );
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain("确定要退出");
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? "";
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const out = await browser.post(new URL(action, sim.url).pathname, { xsrf, logout: "yes" });
    expect(out.status).toBeGreaterThanOrEqual(300);
    expect(out.status).toBeLessThan(400);
    const back = new URL(out.headers.get("location") ?? "");
    expect(`${back.origin}${back.pathname}`).toBe(AFTER_LOGOUT);
    expect(back.searchParams.get("state")).toBe("bye");

    // Signed out: the next authorization asks for the password again.
    const params = new URLSearchParams({
      client_id: "demo",
      redirect_uri: REDIRECT,
      response_type: "code",
      scope: "openid",
      state: "s2",
      nonce: "n2",
      code_challenge: b64url(createHash("sha256").update("w".repeat(43)).digest()),
      code_challenge_method: "S256",
    });
    const next = await browser.get(`/auth?${params.toString()}`);
    const interaction = new URL(next.headers.get("location") ?? "", sim.url);
    expect(interaction.pathname).toMatch(/^\/interaction\//);
    const page = await browser.get(interaction.pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="password"');
  });
});

describe("state file", () => {
  it("keeps the signing key across a restart, so earlier id_tokens still verify; owner-only", async () => {
    const { callback, verifier } = await fullLogin(new Browser(sim.url));
    const tokens = (await (await exchange(callback.searchParams.get("code") ?? "", verifier)).json()) as { id_token: string };
    const stateFile = path.join(dir, "state.json");
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
    const again = await startOidcSimulator({ port: 0, stateFile });
    try {
      const jwks = createRemoteJWKSet(new URL(`${again.issuer}/jwks`));
      // Another port is another issuer; the key is the same one.
      const { payload } = await jwtVerify(tokens.id_token, jwks, { audience: "demo" });
      expect(payload.sub).toBe("demo:2024001");
      const clients = (await (await fetch(`${again.url}/__sim/clients`)).json()) as { client_id: string }[];
      expect(clients.map((c) => c.client_id)).toContain("demo");
    } finally {
      await again.close();
    }
  });
});
