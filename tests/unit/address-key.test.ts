import { describe, expect, it } from "vitest";
import { addressKey } from "~/server/http/address-key";

describe("addressKey", () => {
  it("keeps an IPv4 address (an IPv4-mapped IPv6 one too) as it is", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts every address of one IPv6 /64 as one client", () => {
    expect(addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2::1")).toBe(addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(addressKey("2001:db8:1:3::1")).not.toBe(addressKey("2001:db8:1:2::1"));
  });

  it("puts a missing or malformed address in one shared bucket", () => {
    expect(addressKey(null)).toBe("unknown");
    expect(addressKey("")).toBe("unknown");
    expect(addressKey("not an address")).toBe("unknown");
  });
});
