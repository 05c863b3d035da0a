// The key sign-in's per-address limits count under (src/server/http/address-key.ts,
// shared with the other per-address limits): an IPv6 client cannot escape its
// limits by rotating through the addresses of its own /64, and a campus NAT's
// IPv4 address is one key.
import { describe, expect, it } from "vitest";
import { addressKey } from "~/server/http/address-key";

describe("addressKey() for sign-in limits", () => {
  it("keys an IPv4 address as itself, and an IPv4 client seen through an IPv6 socket as that IPv4 address", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("keys every address of one IPv6 /64 alike (privacy addresses rotate inside it), and the next /64 apart", () => {
    const one = ["2408:8207:1:2::1", "2408:8207:1:2:a1b2:c3d4:e5f6:789", "2408:8207:0001:0002:FFFF:FFFF:FFFF:FFFF"];
    expect(new Set(one.map(addressKey))).toEqual(new Set(["2408:8207:1:2::/64"]));
    expect(addressKey("2408:8207:1:3::1")).toBe("2408:8207:1:3::/64");
  });

  it("puts a missing or malformed address in one shared bucket rather than letting it escape", () => {
    for (const raw of [null, "", "not an address", "10.1", "fe80::1%eth0"]) expect(addressKey(raw)).toBe("unknown");
  });
});
