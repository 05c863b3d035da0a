import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const VALID = {
  DATABASE_URL: "postgresql://postgres:secret@127.0.0.1:5432/campus",
  APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  NEXTAUTH_SECRET: "x".repeat(40),
};
const MANAGED = [
  ...Object.keys(VALID),
  "NEXTAUTH_URL",
  "PLATFORM_DOMAIN",
  "SESSION_MAX_AGE_HOURS",
  "SECURE_COOKIES",
  "TRUSTED_PROXY_HOPS",
  "WECOM_EGRESS_IPS",
  "NODE_ENV",
  "WECOM_SIMULATOR_URL",
  "VENDOR_ALLOWED_ADDRESSES",
];

let saved: Record<string, string | undefined> = {};

/** Sets the managed variables to exactly `vars` (the rest unset), then reads the env afresh. */
async function serverEnvWith(vars: Record<string, string>) {
  for (const name of MANAGED) delete process.env[name];
  Object.assign(process.env, vars);
  vi.resetModules();
  const { serverEnv } = await import("~/env");
  return serverEnv;
}

beforeEach(() => {
  saved = Object.fromEntries(MANAGED.map((name) => [name, process.env[name]]));
});

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("serverEnv()", () => {
  it("accepts a complete configuration and fills in the defaults", async () => {
    const env = (await serverEnvWith(VALID))();
    expect(env.DATABASE_URL).toBe(VALID.DATABASE_URL);
    expect(env.PLATFORM_DOMAIN).toBe("localhost");
    expect(env.SESSION_MAX_AGE_HOURS).toBe(12);
    expect(env.SECURE_COOKIES).toBeUndefined();
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
  });

  it("makes cookies secure by default everywhere but a localhost domain", async () => {
    const { secureCookies } = await import("~/env");
    expect(secureCookies({ PLATFORM_DOMAIN: "localhost" })).toBe(false);
    expect(secureCookies({ PLATFORM_DOMAIN: "dev.localhost" })).toBe(false);
    expect(secureCookies({ PLATFORM_DOMAIN: "campus.example.com" })).toBe(true);
    expect(secureCookies({ PLATFORM_DOMAIN: "localhost.example.com" })).toBe(true);
    expect(secureCookies({ PLATFORM_DOMAIN: "campus.example.com", SECURE_COOKIES: "false" })).toBe(false);
    expect(secureCookies({ PLATFORM_DOMAIN: "localhost", SECURE_COOKIES: "true" })).toBe(true);
  });

  it("names TRUSTED_PROXY_HOPS when it is not a small whole number", async () => {
    const serverEnv = await serverEnvWith({ ...VALID, TRUSTED_PROXY_HOPS: "-1" });
    expect(() => serverEnv()).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("names DATABASE_URL when it is missing", async () => {
    const serverEnv = await serverEnvWith({ APP_ENCRYPTION_KEY: VALID.APP_ENCRYPTION_KEY, NEXTAUTH_SECRET: VALID.NEXTAUTH_SECRET });
    expect(() => serverEnv()).toThrow(/Invalid environment configuration[\s\S]*DATABASE_URL/);
  });

  it("treats an empty DATABASE_URL as missing", async () => {
    const serverEnv = await serverEnvWith({ ...VALID, DATABASE_URL: "" });
    expect(() => serverEnv()).toThrow(/DATABASE_URL/);
  });

  it("names DATABASE_URL when it is not a postgresql:// URL", async () => {
    const serverEnv = await serverEnvWith({ ...VALID, DATABASE_URL: "mysql://localhost/campus" });
    expect(() => serverEnv()).toThrow(/DATABASE_URL: must be a postgresql:\/\/ URL/);
  });

  it("names APP_ENCRYPTION_KEY and says how to make one when it is not 32 bytes", async () => {
    const serverEnv = await serverEnvWith({ ...VALID, APP_ENCRYPTION_KEY: randomBytes(16).toString("base64") });
    expect(() => serverEnv()).toThrow(/APP_ENCRYPTION_KEY: must be 32 bytes, base64-encoded/);
  });

  it("treats an empty APP_ENCRYPTION_KEY as missing", async () => {
    const serverEnv = await serverEnvWith({ ...VALID, APP_ENCRYPTION_KEY: "" });
    expect(() => serverEnv()).toThrow(/APP_ENCRYPTION_KEY/);
  });

  it("refuses NEXTAUTH_URL being set, telling the operator to remove it", async () => {
    const serverEnv = await serverEnvWith({ ...VALID, NEXTAUTH_URL: "http://localhost:3000" });
    expect(() => serverEnv()).toThrow(/NEXTAUTH_URL: must not be set/);
  });

  it("treats an empty NEXTAUTH_URL as unset", async () => {
    const env = (await serverEnvWith({ ...VALID, NEXTAUTH_URL: "" }))();
    expect(env.NEXTAUTH_URL).toBeUndefined();
  });

  it("treats empty optional variables as unset, so their defaults apply", async () => {
    const env = (await serverEnvWith({ ...VALID, PLATFORM_DOMAIN: "", SESSION_MAX_AGE_HOURS: "", SECURE_COOKIES: "" }))();
    expect(env.PLATFORM_DOMAIN).toBe("localhost");
    expect(env.SESSION_MAX_AGE_HOURS).toBe(12);
    expect(env.SECURE_COOKIES).toBeUndefined();
  });

  it("lists every bad variable at once", async () => {
    const serverEnv = await serverEnvWith({ NEXTAUTH_SECRET: "short" });
    let message = "";
    try {
      serverEnv();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/APP_ENCRYPTION_KEY/);
    expect(message).toMatch(/NEXTAUTH_SECRET: must be at least 32 characters/);
  });

  it("reads the platform's WeCom egress IPs as normalised single addresses, and none when unset", async () => {
    expect((await serverEnvWith(VALID))().WECOM_EGRESS_IPS).toEqual([]);
    expect((await serverEnvWith({ ...VALID, WECOM_EGRESS_IPS: "" }))().WECOM_EGRESS_IPS).toEqual([]);
    const env = (await serverEnvWith({ ...VALID, WECOM_EGRESS_IPS: " 203.0.113.7, 2001:DB8:0::7 ,::ffff:198.51.100.9,203.0.113.7" }))();
    expect(env.WECOM_EGRESS_IPS).toEqual(["203.0.113.7", "2001:db8::7", "198.51.100.9"]);
  });

  it.each(["203.0.113.0/24", "10.1", "qyapi.weixin.qq.com", "203.0.113.7;198.51.100.9", "fe80::1%eth0"])(
    "stops the start when WECOM_EGRESS_IPS holds %s, which is not a single IP address, naming the variable and the entry",
    async (entry) => {
      const serverEnv = await serverEnvWith({ ...VALID, WECOM_EGRESS_IPS: `198.51.100.9, ${entry}` });
      expect(() => serverEnv()).toThrow(/WECOM_EGRESS_IPS: ".+" is not a single IP address/);
    },
  );

  it.each<Record<string, string>>([{}, { PLATFORM_DOMAIN: "" }])(
    "refuses to start in production without PLATFORM_DOMAIN (%o), naming it and what to set",
    async (unset) => {
      const serverEnv = await serverEnvWith({ ...VALID, NODE_ENV: "production", ...unset });
      expect(() => serverEnv()).toThrow(/PLATFORM_DOMAIN: must be set in production.*campus\.example\.com/);
    },
  );

  it("starts in production on the domain it is given, localhost included (the demo and the tests say so)", async () => {
    expect((await serverEnvWith({ ...VALID, NODE_ENV: "production", PLATFORM_DOMAIN: "campus.example.com" }))().PLATFORM_DOMAIN).toBe(
      "campus.example.com",
    );
    expect((await serverEnvWith({ ...VALID, NODE_ENV: "production", PLATFORM_DOMAIN: "localhost" }))().PLATFORM_DOMAIN).toBe("localhost");
    expect((await serverEnvWith({ ...VALID, NODE_ENV: "development" }))().PLATFORM_DOMAIN).toBe("localhost");
  });

  it.each(["WECOM_SIMULATOR_URL"])("refuses %s on a real platform domain, naming it, and takes it on localhost", async (name) => {
    const serverEnv = await serverEnvWith({ ...VALID, PLATFORM_DOMAIN: "campus.example.com", [name]: "http://127.0.0.1:3920" });
    expect(() => serverEnv()).toThrow(
      new RegExp(`${name}: must not be set when PLATFORM_DOMAIN is a real domain \\(campus\\.example\\.com\\)`),
    );
    for (const domain of ["localhost", "dev.localhost"]) {
      const env = (await serverEnvWith({ ...VALID, PLATFORM_DOMAIN: domain, [name]: "http://127.0.0.1:3920" }))();
      expect(env[name as "WECOM_SIMULATOR_URL"]).toBe("http://127.0.0.1:3920");
    }
  });

  it("says on every vendor console page and in the production start-up log that VENDOR_ALLOWED_ADDRESSES is unset", async () => {
    const { vendorConsoleOpenToAll, startupWarnings } = await import("~/env");
    const open = (await serverEnvWith({ ...VALID, NODE_ENV: "production", PLATFORM_DOMAIN: "campus.example.com" }))();
    expect(vendorConsoleOpenToAll(open)).toBe(true);
    expect(startupWarnings(open)).toEqual([expect.stringMatching(/^VENDOR_ALLOWED_ADDRESSES is not set: .*Set it to/)]);
    // Development and the tests: the console still says it, the log does not.
    const development = (await serverEnvWith(VALID))();
    expect(vendorConsoleOpenToAll(development)).toBe(true);
    expect(startupWarnings(development)).toEqual([]);
    const closed = (
      await serverEnvWith({
        ...VALID,
        NODE_ENV: "production",
        PLATFORM_DOMAIN: "campus.example.com",
        VENDOR_ALLOWED_ADDRESSES: "203.0.113.7, 2001:db8::/32",
      })
    )();
    expect(vendorConsoleOpenToAll(closed)).toBe(false);
    expect(startupWarnings(closed)).toEqual([]);
  });

  it("refuses a platform domain that is not a bare host name", async () => {
    const serverEnv = await serverEnvWith({ ...VALID, PLATFORM_DOMAIN: "https://campus.example.com" });
    expect(() => serverEnv()).toThrow(/PLATFORM_DOMAIN/);
  });
});
