// VENDOR_ALLOWED_ADDRESSES: the vendor console answers only clients inside the
// list, at sign-in and on every request of a session already made.
import { afterAll, describe, expect, it, vi } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createCaller } from "~/server/api/root";
import { createContext } from "~/server/api/trpc";
import { signInVendor } from "~/server/auth/sign-in";
import { totpCode } from "~/server/auth/totp";
import type { SessionClaims } from "~/server/auth/session-user";
import { makeVendor, PASSWORD, requestHeaders, testPrisma } from "./support";
import { CLIENT_ADDRESS_HEADER } from "~/server/http/forwarded-address";

// Read once by serverEnv(), which this file's modules have not called yet.
const saved = vi.hoisted(() => {
  const before = process.env.VENDOR_ALLOWED_ADDRESSES;
  process.env.VENDOR_ALLOWED_ADDRESSES = "198.51.100.0/24, 2001:db8:42::/48, 192.0.2.7";
  return before;
});

const prisma = testPrisma();
afterAll(async () => {
  if (saved === undefined) delete process.env.VENDOR_ALLOWED_ADDRESSES;
  else process.env.VENDOR_ALLOWED_ADDRESSES = saved;
  await prisma.$disconnect();
});

/** The vendor's session, as a request from `address` sends it (the app's server names the client in CLIENT_ADDRESS_HEADER). */
async function callerFrom(address: string | null, claims: SessionClaims) {
  const headers = await requestHeaders("localhost", claims);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  return createCaller(await createContext({ headers, prisma }));
}

async function enrolledVendor() {
  const vendor = await makeVendor(prisma);
  const claims: SessionClaims = { sub: vendor.id, kind: "vendor", tenantId: null, host: "localhost", ver: 0 };
  return { vendor, claims };
}

function signInFrom(ip: string | null, vendor: { username: string; totpSecret: string }, at = Date.now()) {
  return signInVendor(prisma, {
    identifier: vendor.username,
    password: PASSWORD,
    totp: totpCode(vendor.totpSecret, at),
    host: "localhost",
    ip,
  });
}

describe("the vendor console's address allow-list", () => {
  it("refuses sign-in from a foreign address with the right credentials, saying the console is not reachable from there", async () => {
    const { vendor } = await enrolledVendor();
    for (const ip of ["203.0.113.9", "2001:db8:43::1", null]) {
      const refusal = await signInFrom(ip, vendor).catch((error: unknown) => error);
      expect(refusal).toMatchObject({ code: "VENDOR_ADDRESS_NOT_ALLOWED" });
      expect((refusal as { messageIn(l: "zh-CN" | "en"): string }).messageIn("en")).toContain("not reachable from this address");
    }
    // Refused before the credentials are looked at: no try counted, no code used up.
    const row = await prisma.vendorAdmin.findUniqueOrThrow({ where: { id: vendor.id } });
    expect(row).toMatchObject({ failedLoginCount: 0, totpLastStep: null });
  });

  it("accepts sign-in from an allowed IPv4 range, an allowed single address and an allowed IPv6 range", async () => {
    for (const ip of ["198.51.100.77", "192.0.2.7", "2001:db8:42:9::1", "::ffff:198.51.100.8"]) {
      const { vendor } = await enrolledVendor();
      await expect(signInFrom(ip, vendor)).resolves.toMatchObject({ kind: "vendor", sub: vendor.id });
    }
  });

  it("refuses an existing session's procedures from a foreign address", async () => {
    const { claims } = await enrolledVendor();
    for (const ip of ["203.0.113.9", "192.0.2.8", "2001:db8:43::1", null]) {
      const caller = await callerFrom(ip, claims);
      await expect(caller.vendor.tenants.list()).rejects.toMatchObject({
        code: "FORBIDDEN",
        cause: { code: "VENDOR_ADDRESS_NOT_ALLOWED" },
      });
      await expect(caller.vendor.tenants.create({ slug: "never", name: "不应开通", idpKind: "BUILTIN" })).rejects.toMatchObject({
        cause: { code: "VENDOR_ADDRESS_NOT_ALLOWED" },
      });
      await expect(caller.vendor.secondFactor.offer()).rejects.toMatchObject({ cause: { code: "VENDOR_ADDRESS_NOT_ALLOWED" } });
    }
  });

  it("answers the console's HTTP API from a foreign address with 403 and says the console is not reachable from it", async () => {
    const { claims } = await enrolledVendor();
    const headers = await requestHeaders("localhost", claims);
    headers.set(CLIENT_ADDRESS_HEADER, "203.0.113.9");
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/vendor.tenants.list", { headers }),
      router: appRouter,
      createContext: () => createContext({ headers, prisma }),
    });
    expect(response.status).toBe(403);
    expect(JSON.stringify(await response.json())).toContain("平台运营控制台不接受来自当前网络地址（203.0.113.9）的访问");
  });

  it("serves the same session from an allowed IPv4 or IPv6 range", async () => {
    const { claims } = await enrolledVendor();
    for (const ip of ["198.51.100.200", "2001:db8:42::abcd"]) {
      await expect((await callerFrom(ip, claims)).vendor.tenants.list()).resolves.toBeInstanceOf(Array);
    }
  });
});
