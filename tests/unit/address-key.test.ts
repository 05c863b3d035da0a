import { describe, expect, it } from "vitest";
import { addressKey } from "~/server/http/address-key";

describe("addressKey()", () => {
  it("counts an IPv4 client by its address", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey(" 198.51.100.9 ")).toBe("198.51.100.9");
  });

  it("counts every address of one IPv6 /64 as one client, whatever it picks inside it", () => {
    expect(addressKey("2001:db8:1:2::9")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:a1b2:c3d4:e5f6:789")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:DB8:1:2:FFFF::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:3::9")).toBe("2001:db8:1:3::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8::/64");
  });

  it("counts an IPv4 client seen through an IPv6 socket as the IPv4 address", () => {
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it('puts a missing or malformed address under "unknown"', () => {
    for (const raw of [null, "", "10.1", "0x7f.0.0.1", "not an address", "fe80::1%eth0", "203.0.113.7:443"]) {
      expect(addressKey(raw)).toBe("unknown");
    }
  });
});
