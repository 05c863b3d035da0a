// The per-address key the unified login's limits count under (the same helper the other limits use):
// a campus NAT's IPv4 address is one key, and an IPv6 device cannot escape a limit by rotating
// through the addresses of its own /64.
import { describe, expect, it } from "vitest";
import { addressKey } from "~/server/http/address-key";

describe("addressKey", () => {
  it("keys an IPv4 address as itself, and an IPv4-mapped IPv6 address as the IPv4 address", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("keys every IPv6 address of one /64 alike, and another /64 apart", () => {
    expect(addressKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:DB8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
  });

  it("says unknown when there is no valid address", () => {
    expect(addressKey(null)).toBe("unknown");
    expect(addressKey("")).toBe("unknown");
    expect(addressKey("not an address")).toBe("unknown");
  });
});
