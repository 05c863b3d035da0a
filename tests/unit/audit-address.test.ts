import { describe, expect, it } from "vitest";
import { auditAddress } from "~/server/audit/audit";
import { escapeLike } from "~/server/members/member-directory";
import { demoSeedRefusal } from "~/server/seed/seed-demo";

describe("auditAddress", () => {
  it("keeps valid IPv4 and IPv6 addresses", () => {
    expect(auditAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(auditAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(auditAddress(" fe80::1%eth0 ")).toBe("fe80::1");
  });

  it("stores nothing for what is not an address, however long", () => {
    for (const bad of ["unknown", "1.2.3.4, 5.6.7.8", "<script>", "1".repeat(500), "999.1.1.1", ""]) expect(auditAddress(bad)).toBeNull();
    expect(auditAddress(null)).toBeNull();
    expect(auditAddress(undefined)).toBeNull();
  });
});

describe("escapeLike", () => {
  it("makes %, _ and \\ match themselves", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(escapeLike("张三")).toBe("张三");
  });
});

describe("demoSeedRefusal", () => {
  it("lets the demo be seeded on localhost, in production mode too (npm start)", () => {
    for (const domain of [undefined, "", "localhost", "campus.localhost", "127.0.0.1"]) {
      expect(demoSeedRefusal({ PLATFORM_DOMAIN: domain, NODE_ENV: "production" })).toBeNull();
    }
  });

  it("refuses on a real domain, whatever SEED_DEMO says, and says what to do", () => {
    expect(demoSeedRefusal({ PLATFORM_DOMAIN: "campus.example.com", SEED_DEMO: "true" })).toMatch(
      /PLATFORM_DOMAIN.*campus\.example\.com.*SEED_DEMO=false/s,
    );
    expect(demoSeedRefusal({ PLATFORM_DOMAIN: "localhost.example.com" })).not.toBeNull();
  });
});
