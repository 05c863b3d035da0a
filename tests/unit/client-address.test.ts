import { describe, expect, it } from "vitest";
import { clientAddress } from "~/server/http/client-address";
import { addressFromHops, applyTrustedHeaders, normaliseAddress } from "~/server/http/forwarded-address";

describe("normaliseAddress()", () => {
  it("keeps valid IPv4 and IPv6 addresses in their plain form", () => {
    expect(normaliseAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(normaliseAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
    expect(normaliseAddress("::ffff:198.51.100.2")).toBe("198.51.100.2");
    expect(normaliseAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("203.0.113.7:51234")).toBe("203.0.113.7");
  });

  it("refuses anything that is not an address, including over-long values", () => {
    for (const bad of ["", "unknown", "evil.example.com", "1.2.3.4, 5.6.7.8", "300.1.1.1", "1".repeat(5000), "<script>", undefined, 42]) {
      expect(normaliseAddress(bad)).toBeNull();
    }
  });
});

describe("addressFromHops()", () => {
  it("with no trusted proxy, uses the socket and ignores X-Forwarded-For entirely", () => {
    expect(addressFromHops({ socketAddress: "::ffff:192.0.2.10", forwardedFor: "6.6.6.6", trustedHops: 0 })).toBe("192.0.2.10");
  });

  it("behind one trusted proxy, takes the right-most X-Forwarded-For entry, not the client-written left-most", () => {
    expect(addressFromHops({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.7", trustedHops: 1 })).toBe("203.0.113.7");
  });

  it("behind two trusted proxies, takes the second entry from the right", () => {
    expect(addressFromHops({ socketAddress: "10.0.0.3", forwardedFor: ["6.6.6.6, 203.0.113.7", "10.0.0.2"], trustedHops: 2 })).toBe(
      "203.0.113.7",
    );
  });

  it("with fewer hops than configured, uses the left-most hop it has", () => {
    expect(addressFromHops({ socketAddress: "10.0.0.2", forwardedFor: undefined, trustedHops: 1 })).toBe("10.0.0.2");
  });

  it("gives no address when the trusted entry is garbage", () => {
    expect(addressFromHops({ socketAddress: "10.0.0.2", forwardedFor: "x".repeat(300), trustedHops: 1 })).toBeNull();
  });
});

describe("applyTrustedHeaders()", () => {
  it("replaces a forged x-client-address and every forwarded header when no proxy is trusted", () => {
    const headers: Record<string, string | string[] | undefined> = {
      host: "ucas.localhost:3000",
      "x-client-address": "6.6.6.6",
      "x-forwarded-for": "6.6.6.6",
      "x-forwarded-host": "evil.example.com",
      "x-forwarded-proto": "https",
      "x-real-ip": "6.6.6.6",
    };
    applyTrustedHeaders(headers, { remoteAddress: "127.0.0.1" }, 0);
    expect(headers).toEqual({
      host: "ucas.localhost:3000",
      "x-client-address": "127.0.0.1",
      "x-forwarded-for": "127.0.0.1",
      "x-forwarded-proto": "http",
    });
  });

  it("behind a trusted proxy keeps its headers but still decides the address itself", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-client-address": "6.6.6.6",
      "x-forwarded-for": "6.6.6.6, 203.0.113.7",
      "x-forwarded-proto": "https",
    };
    applyTrustedHeaders(headers, { remoteAddress: "10.0.0.2" }, 1);
    expect(headers["x-client-address"]).toBe("203.0.113.7");
    expect(headers["x-forwarded-proto"]).toBe("https");
  });
});

describe("clientAddress()", () => {
  it("reads only the server's header, never X-Forwarded-For or X-Real-IP", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" }))).toBeNull();
    expect(clientAddress(new Headers({ "x-client-address": "203.0.113.7", "x-forwarded-for": "6.6.6.6" }))).toBe("203.0.113.7");
    expect(clientAddress({ "x-client-address": "203.0.113.7" })).toBe("203.0.113.7");
  });

  it("refuses a value that is not an address", () => {
    expect(clientAddress(new Headers({ "x-client-address": "a".repeat(1000) }))).toBeNull();
  });
});
