// next-auth's endpoint as a browser reaches it: the route handler itself with
// real requests. Sign-in, sign-out and the URLs next-auth hands out, against
// forged forwarding headers and oversized bodies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "~/app/api/auth/[...nextauth]/route";
import { createContext } from "~/server/api/trpc";
import { makeTenant, memberClaims, PASSWORD, sessionCookie, testPrisma, type TestTenant } from "./support";

const prisma = testPrisma();
let school: TestTenant;

beforeAll(async () => {
  school = await makeTenant(prisma);
});
afterAll(() => prisma.$disconnect());

// X-Forwarded-Proto reaching the route was written by our server (scripts/server.mjs replaces
// a client's) or a trusted proxy, so only X-Forwarded-Host is a forgery here.
const FORGED = { "x-forwarded-host": "evil.example.com" };

async function auth(path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}): Promise<Response> {
  const method = init.method ?? "GET";
  const request = new Request(`http://${school.host}/api/auth/${path}`, {
    method,
    headers: { host: school.host, ...init.headers },
    body: init.body,
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
  const context = { params: Promise.resolve({ nextauth: path.split("?")[0]!.split("/") }) };
  return method === "GET" ? GET(request, context) : POST(request, context);
}

/** A CSRF token and its cookie, as the sign-in form first fetches them. */
async function csrf(): Promise<{ token: string; cookie: string }> {
  const response = await auth("csrf");
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  return { token: csrfToken, cookie };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = { "content-type": "application/x-www-form-urlencoded" };

/** Whether a request carrying this cookie is still signed in. */
async function signedIn(cookie: string): Promise<boolean> {
  const ctx = await createContext({ headers: new Headers({ host: school.host, cookie }), prisma });
  return ctx.actor !== null;
}

describe("next-auth endpoint", () => {
  it("builds its URLs from the Host, never from a forged X-Forwarded-Host", async () => {
    const providers = (await (await auth("providers", { headers: FORGED })).json()) as Record<
      string,
      { signinUrl: string; callbackUrl: string }
    >;
    expect(providers.member?.signinUrl).toBe(`http://${school.host}/api/auth/signin/member`);
    expect(providers.member?.callbackUrl).toBe(`http://${school.host}/api/auth/callback/member`);
    expect(JSON.stringify(providers)).not.toContain("evil.example.com");
  });

  it("signs a member in, recording the address the server saw and not the forged X-Forwarded-For, with no forged redirect", async () => {
    const { token, cookie } = await csrf();
    const response = await auth("callback/member", {
      method: "POST",
      headers: { ...urlencoded, ...FORGED, cookie, "x-client-address": "203.0.113.9", "x-forwarded-for": "6.6.6.6" },
      body: form({ csrfToken: token, identifier: school.memberAccount, password: PASSWORD, callbackUrl: "/me", json: "true" }),
    });
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    expect(url).toBe(`http://${school.host}/me`);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token=") && /HttpOnly/i.test(c))).toBe(true);
    const row = await prisma.auditLog.findFirstOrThrow({
      where: { actorId: school.memberId, action: "member.login" },
      orderBy: { createdAt: "desc" },
    });
    expect(row.ip).toBe("203.0.113.9");
  });

  it("ends the session on sign-out: a copied cookie stops working", async () => {
    const copied = await sessionCookie(memberClaims(school, school.host));
    const version = (await prisma.member.findUniqueOrThrow({ where: { id: school.memberId } })).sessionVersion;
    // The claims name the account's current session version.
    const current = await sessionCookie({ ...memberClaims(school), ver: version });
    expect(await signedIn(current)).toBe(true);
    const { token, cookie } = await csrf();
    const response = await auth("signout", {
      method: "POST",
      headers: { ...urlencoded, cookie: `${cookie}; ${current}` },
      body: form({ csrfToken: token, callbackUrl: "/", json: "true" }),
    });
    expect(response.status).toBe(200);
    expect(await signedIn(current)).toBe(false);
    expect(await signedIn(copied)).toBe(false);
  });

  it("refuses a session signed in longer ago than SESSION_MAX_AGE_HOURS, however recently it was used", async () => {
    const version = (await prisma.member.findUniqueOrThrow({ where: { id: school.memberId } })).sessionVersion;
    const claims = { ...memberClaims(school), ver: version };
    const hours = (n: number) => Math.floor(Date.now() / 1000) - n * 3600;
    expect(await signedIn(await sessionCookie(claims, hours(1)))).toBe(true);
    expect(await signedIn(await sessionCookie(claims, hours(13)))).toBe(false);
  });

  it("refuses a sign-in body over 16 KiB with 413", async () => {
    const response = await auth("callback/member", {
      method: "POST",
      headers: urlencoded,
      body: form({ password: "a".repeat(17 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it("stops reading a chunked body to /api/auth once it passes 16 KiB, answering 413", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 4096;
        if (sent > 200 * 1024 * 1024) controller.close();
        else controller.enqueue(new Uint8Array(4096).fill(97));
      },
    });
    const response = await auth("callback/member", { method: "POST", headers: urlencoded, body });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(64 * 1024);
  });
});
