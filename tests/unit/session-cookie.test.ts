import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

// The WeCom simulator's origin too: refused on a real platform domain, it would stop these tests if the shell had it set.
const NAMES = ["DATABASE_URL", "APP_ENCRYPTION_KEY", "NEXTAUTH_SECRET", "PLATFORM_DOMAIN", "SECURE_COOKIES", "WECOM_SIMULATOR_URL"];
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));

/** next-auth's options and the session reader's cookie name, as a server with these variables makes them. */
async function withEnv(vars: Record<string, string>) {
  for (const name of NAMES) delete process.env[name];
  Object.assign(process.env, {
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/campus",
    APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: "x".repeat(40),
    ...vars,
  });
  vi.resetModules();
  const { authOptions } = await import("~/server/auth/next-auth");
  const { sessionCookieName } = await import("~/server/auth/session-cookie");
  return { options: authOptions(), readerName: sessionCookieName() };
}

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
});

describe("the session cookie", () => {
  it("on a real domain is __Host-…, Secure, HttpOnly, Path=/ and host-only, and the session reader looks for that name", async () => {
    const { options, readerName } = await withEnv({ PLATFORM_DOMAIN: "campus.example.com" });
    expect(options.useSecureCookies).toBe(true);
    const cookie = options.cookies?.sessionToken;
    expect(cookie?.name).toBe("__Host-next-auth.session-token");
    expect(cookie?.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
    expect(cookie?.options).not.toHaveProperty("domain");
    expect(readerName).toBe(cookie?.name);
  });

  it("on localhost (plain http) is not Secure, so development sign-in works", async () => {
    const { options, readerName } = await withEnv({ PLATFORM_DOMAIN: "localhost" });
    expect(options.useSecureCookies).toBe(false);
    expect(options.cookies?.sessionToken?.name).toBe("next-auth.session-token");
    expect(readerName).toBe("next-auth.session-token");
  });

  it("follows SECURE_COOKIES when the operator sets it", async () => {
    const { options } = await withEnv({ PLATFORM_DOMAIN: "campus.example.com", SECURE_COOKIES: "false" });
    expect(options.useSecureCookies).toBe(false);
  });
});
