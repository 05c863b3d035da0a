import { describe, expect, it } from "vitest";
import { makeNonce, securityHeaders } from "~/server/http/security-headers";

describe("securityHeaders()", () => {
  it("allows scripts only with this response's nonce and forbids framing", () => {
    const csp = securityHeaders({ nonce: "abc123", secure: false })["content-security-policy"]!;
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
  });

  it("sends HSTS only when the site is on https", () => {
    expect(securityHeaders({ nonce: "n", secure: false })).not.toHaveProperty("strict-transport-security");
    expect(securityHeaders({ nonce: "n", secure: true })["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("always sends nosniff and a referrer policy that keeps paths on this site", () => {
    const headers = securityHeaders({ nonce: "n", secure: false });
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("makes a different nonce every time", () => {
    expect(makeNonce()).not.toBe(makeNonce());
    expect(makeNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
