import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addressInList, parseAddressList } from "~/server/http/address-list";

const render = (list: ReturnType<typeof parseAddressList>) => list.map(([address, bits]) => `${address.toString()}/${bits}`);

describe("parseAddressList (VENDOR_ALLOWED_ADDRESSES)", () => {
  it("reads single IPs and CIDR ranges, IPv4 and IPv6, with spaces around the commas", () => {
    expect(render(parseAddressList(" 203.0.113.7 ,198.51.100.0/24,2001:db8::/32, ::1,"))).toEqual([
      "203.0.113.7/32",
      "198.51.100.0/24",
      "2001:db8::/32",
      "::1/128",
    ]);
  });

  it("is empty when unset or blank (no restriction)", () => {
    expect(parseAddressList(undefined)).toEqual([]);
    expect(parseAddressList(" , ")).toEqual([]);
  });

  it("reads an IPv4-mapped IPv6 range as the IPv4 range it names", () => {
    expect(render(parseAddressList("::ffff:10.0.0.0/104"))).toEqual(["10.0.0.0/8"]);
  });

  it.each([
    "10.1",
    "010.0.0.1",
    "example.com",
    "10.0.0.0/33",
    "2001:db8::/129",
    "10.0.0.0/",
    "10.0.0.0/8/8",
    "10.0.0.0/x",
    "fe80::1%eth0",
    "*",
  ])("refuses %s, naming it", (entry) => {
    expect(() => parseAddressList(`198.51.100.0/24, ${entry}`)).toThrow(`"${entry}" is not an IP address or CIDR range`);
  });
});

describe("addressInList", () => {
  const list = parseAddressList("198.51.100.0/24, 192.0.2.7, 2001:db8:42::/48");

  it("accepts addresses inside a range or equal to a single entry", () => {
    for (const address of ["198.51.100.0", "198.51.100.255", "192.0.2.7", "2001:db8:42::1", "2001:db8:42:ffff::1", "::ffff:198.51.100.9"]) {
      expect(addressInList(list, address), address).toBe(true);
    }
  });

  it("refuses addresses outside every entry, unknown addresses and what is not an address", () => {
    for (const address of [
      "198.51.101.0",
      "192.0.2.8",
      "2001:db8:43::1",
      "::ffff:203.0.113.1",
      "",
      null,
      undefined,
      "unknown",
      "198.51.100.1, 10.0.0.1",
    ]) {
      expect(addressInList(list, address), String(address)).toBe(false);
    }
  });
});

describe("serverEnv() and VENDOR_ALLOWED_ADDRESSES", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  async function envWith(value: string | undefined) {
    Object.assign(process.env, {
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/campus",
      APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      NEXTAUTH_SECRET: "x".repeat(40),
    });
    delete process.env.NEXTAUTH_URL;
    if (value === undefined) delete process.env.VENDOR_ALLOWED_ADDRESSES;
    else process.env.VENDOR_ALLOWED_ADDRESSES = value;
    vi.resetModules();
    return (await import("~/env")).serverEnv;
  }

  it("stops start-up naming the variable and the bad entry", async () => {
    const serverEnv = await envWith("198.51.100.0/24, 10.0.0.300");
    expect(() => serverEnv()).toThrow(/VENDOR_ALLOWED_ADDRESSES: "10\.0\.0\.300" is not an IP address or CIDR range/);
  });

  it("means no restriction when unset or empty", async () => {
    expect((await envWith(undefined))().VENDOR_ALLOWED_ADDRESSES).toEqual([]);
    expect((await envWith(""))().VENDOR_ALLOWED_ADDRESSES).toEqual([]);
  });

  it("gives the parsed list", async () => {
    expect(render((await envWith("2001:db8::/32,192.0.2.7"))().VENDOR_ALLOWED_ADDRESSES)).toEqual(["2001:db8::/32", "192.0.2.7/32"]);
  });
});
