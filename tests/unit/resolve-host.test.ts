import { describe, expect, it } from "vitest";
import { isValidSlug, normaliseHost, resolveHost, RESERVED_SLUGS } from "~/server/tenants/resolve-host";

const dev = { development: true };
const prod = { development: false };
const PLATFORM = "campus.example.com";

describe("resolveHost in development (platform domain localhost)", () => {
  it("sends {slug}.localhost with a port to that school", () => {
    expect(resolveHost("ucas.localhost:3000", "localhost", dev)).toEqual({ kind: "tenant", slug: "ucas" });
  });

  it("sends {slug}.localhost without a port to that school", () => {
    expect(resolveHost("sues.localhost", "localhost", dev)).toEqual({ kind: "tenant", slug: "sues" });
  });

  it("treats bare localhost, 127.0.0.1 and [::1] as the vendor's root host", () => {
    expect(resolveHost("localhost:3000", "localhost", dev)).toEqual({ kind: "root" });
    expect(resolveHost("127.0.0.1:3000", "localhost", dev)).toEqual({ kind: "root" });
    expect(resolveHost("[::1]:3000", "localhost", dev)).toEqual({ kind: "root" });
  });

  it("still accepts {slug}.localhost when another platform domain is configured", () => {
    expect(resolveHost("ucas.localhost:3000", PLATFORM, dev)).toEqual({ kind: "tenant", slug: "ucas" });
  });
});

describe("resolveHost on the platform domain", () => {
  it("treats the platform domain itself as the root host", () => {
    expect(resolveHost(PLATFORM, PLATFORM, prod)).toEqual({ kind: "root" });
  });

  it("treats www. of the platform domain as the root host", () => {
    expect(resolveHost(`www.${PLATFORM}`, PLATFORM, prod)).toEqual({ kind: "root" });
  });

  it("sends {slug}.{platform} to that school", () => {
    expect(resolveHost(`ucas.${PLATFORM}`, PLATFORM, prod)).toEqual({ kind: "tenant", slug: "ucas" });
  });

  it("never treats a reserved name as a school", () => {
    for (const reserved of ["admin", "api", "vendor", "static", "login", "sso"]) {
      expect(resolveHost(`${reserved}.${PLATFORM}`, PLATFORM, prod)).toEqual({ kind: "invalid" });
      expect(resolveHost(`${reserved}.localhost:3000`, "localhost", dev)).toEqual({ kind: "invalid" });
    }
  });

  it("refuses nested subdomains and malformed labels instead of guessing a school", () => {
    expect(resolveHost(`evil.ucas.${PLATFORM}`, PLATFORM, prod)).toEqual({ kind: "invalid" });
    expect(resolveHost(`-ucas.${PLATFORM}`, PLATFORM, prod)).toEqual({ kind: "invalid" });
    expect(resolveHost(`uc_as.${PLATFORM}`, PLATFORM, prod)).toEqual({ kind: "invalid" });
  });
});

describe("resolveHost normalisation", () => {
  it("ignores upper case in the host", () => {
    expect(resolveHost("UCAS.LocalHost:3000", "localhost", dev)).toEqual({ kind: "tenant", slug: "ucas" });
    expect(resolveHost(`UCAS.${PLATFORM.toUpperCase()}`, PLATFORM, prod)).toEqual({ kind: "tenant", slug: "ucas" });
  });

  it("ignores a trailing dot and the port", () => {
    expect(resolveHost(`ucas.${PLATFORM}.`, PLATFORM, prod)).toEqual({ kind: "tenant", slug: "ucas" });
    expect(resolveHost(`ucas.${PLATFORM}.:443`, PLATFORM, prod)).toEqual({ kind: "tenant", slug: "ucas" });
    expect(resolveHost(`${PLATFORM}:8443`, PLATFORM, prod)).toEqual({ kind: "root" });
  });

  it("accepts a platform domain configured in upper case", () => {
    expect(resolveHost(`ucas.${PLATFORM}`, PLATFORM.toUpperCase(), prod)).toEqual({ kind: "tenant", slug: "ucas" });
  });

  it("normaliseHost lower-cases and strips the port and trailing dot, keeping IPv6 literals whole", () => {
    expect(normaliseHost(" UCAS.localhost.:3000 ")).toBe("ucas.localhost");
    expect(normaliseHost("[::1]:3000")).toBe("[::1]");
    expect(normaliseHost("")).toBeNull();
    expect(normaliseHost(null)).toBeNull();
    expect(normaliseHost(undefined)).toBeNull();
    expect(normaliseHost(`${"a".repeat(254)}`)).toBeNull();
  });
});

describe("resolveHost with custom and invalid hosts", () => {
  it("offers any other well-formed host as a possible custom domain", () => {
    expect(resolveHost("wecom.ucas.ac.cn", PLATFORM, prod)).toEqual({ kind: "custom", domain: "wecom.ucas.ac.cn" });
    expect(resolveHost("WeCom.UCAS.ac.cn:443", PLATFORM, prod)).toEqual({ kind: "custom", domain: "wecom.ucas.ac.cn" });
  });

  it("refuses a missing or empty host", () => {
    expect(resolveHost(null, PLATFORM, prod)).toEqual({ kind: "invalid" });
    expect(resolveHost(undefined, PLATFORM, prod)).toEqual({ kind: "invalid" });
    expect(resolveHost("", PLATFORM, prod)).toEqual({ kind: "invalid" });
    expect(resolveHost("   ", PLATFORM, prod)).toEqual({ kind: "invalid" });
  });

  it("refuses hosts with characters no domain has", () => {
    expect(resolveHost("ucas.example.com/evil", PLATFORM, prod)).toEqual({ kind: "invalid" });
    expect(resolveHost("user@ucas.example.com", PLATFORM, prod)).toEqual({ kind: "invalid" });
    expect(resolveHost("intranet", PLATFORM, prod)).toEqual({ kind: "invalid" });
  });

  it("does not treat loopback names or IP addresses as the root host in production", () => {
    expect(resolveHost("localhost:3000", PLATFORM, prod)).not.toEqual({ kind: "root" });
    expect(resolveHost("127.0.0.1", PLATFORM, prod)).not.toEqual({ kind: "root" });
    expect(resolveHost("[::1]:3000", PLATFORM, prod)).not.toEqual({ kind: "root" });
  });

  it("does not send {slug}.localhost to a school in production with another platform domain", () => {
    expect(resolveHost("ucas.localhost:3000", PLATFORM, prod).kind).not.toBe("tenant");
  });
});

describe("isValidSlug", () => {
  it("accepts lowercase letters, digits and inner hyphens", () => {
    expect(isValidSlug("ucas")).toBe(true);
    expect(isValidSlug("e2e-school-1")).toBe(true);
  });

  it("refuses reserved names, upper case, edge hyphens, dots and over-long slugs", () => {
    for (const name of RESERVED_SLUGS) expect(isValidSlug(name)).toBe(false);
    expect(isValidSlug("UCAS")).toBe(false);
    expect(isValidSlug("-ucas")).toBe(false);
    expect(isValidSlug("ucas-")).toBe(false);
    expect(isValidSlug("a.b")).toBe(false);
    expect(isValidSlug("")).toBe(false);
    expect(isValidSlug("a".repeat(64))).toBe(false);
    expect(isValidSlug("a".repeat(63))).toBe(true);
  });
});
