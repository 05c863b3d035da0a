// The image routes anyone may call (a school's registration QR as PNG and SVG) and the follow
// page's join QR: fixed sizes, each image made once and memoised, and the work that is not
// memoised limited per client address (an IPv6 client's /64), answered 429 with Retry-After.
import { randomInt } from "node:crypto";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { GET as pngRoute } from "~/app/(school)/join/qr.png/route";
import { GET as svgRoute } from "~/app/(school)/join/qr.svg/route";
import { CLIENT_ADDRESS_HEADER } from "~/server/http/forwarded-address";
import { consumeRateLimit } from "~/server/security/rate-limit";
import { IMAGE_WORK_LIMIT, imageWorkRule } from "~/server/security/image-limits";
import { followQr } from "~/server/wecom/join-qr";
import { makeTenant, testPrisma, testScope, type TestTenant } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
afterEach(() => vi.restoreAllMocks());

// A client of its own for each request that needs one: addresses of a documentation range, a block chosen per run.
const block = randomInt(0, 256);
let clients = 0;
const ipv4 = () => `198.51.${block}.${++clients}`;
/** A /64 of its own (an IPv6 client's counter). */
const ipv6 = () => `2001:db8:${block.toString(16)}:${(++clients).toString(16)}`;

function get(route: typeof pngRoute, school: TestTenant, path: string, client: string): Promise<Response> {
  return route(new Request(`http://${school.host}${path}`, { headers: { host: school.host, [CLIENT_ADDRESS_HEADER]: client } }));
}

async function bytes(response: Response): Promise<Buffer> {
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** Uses up the address's allowance of image work, as that many images drawn for it would. */
async function exhaust(client: string): Promise<void> {
  for (let i = 0; i < IMAGE_WORK_LIMIT.limit; i++) await consumeRateLimit(prisma, imageWorkRule(client));
}

describe("the registration QR's sizes", () => {
  it("draws a size it does not name (?size=2000) as the default image, and ignores unknown parameters", async () => {
    const school = await makeTenant(prisma);
    const client = ipv4();
    const plain = await bytes(await get(pngRoute, school, "/join/qr.png", client));
    const asked = await bytes(await get(pngRoute, school, "/join/qr.png?size=2000&width=4000&margin=99", client));
    expect(asked.equals(plain)).toBe(true);
    expect(PNG.sync.read(plain).width).toBe(480);
    const print = await bytes(await get(pngRoute, school, "/join/qr.png?size=print", client));
    expect(PNG.sync.read(print).width).toBe(1200);
  });
});

describe("what the registration QR encodes", () => {
  it("is the school's own origin, whatever port or case the request's Host names, so no request can make another image", async () => {
    const school = await makeTenant(prisma);
    const draws = vi.spyOn(QRCode, "toBuffer");
    const asked = (host: string) =>
      pngRoute(new Request(`http://${host}/join/qr.png`, { headers: { host, [CLIENT_ADDRESS_HEADER]: ipv4() } }));
    const png = PNG.sync.read(await bytes(await asked(`${school.slug.toUpperCase()}.localhost:9999`)));
    const link = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? "";
    expect(link.startsWith(`http://${school.host}/join?q=1.r.`)).toBe(true);
    await bytes(await asked(`${school.host}:9998`));
    expect(draws).toHaveBeenCalledTimes(1);
  });
});

describe("memoised images", () => {
  it("draws an image once: the second request, and a dozen at once, are served without drawing", async () => {
    const school = await makeTenant(prisma);
    const draws = vi.spyOn(QRCode, "toBuffer");
    const first = await bytes(await get(pngRoute, school, "/join/qr.png", ipv4()));
    expect(draws).toHaveBeenCalledTimes(1);
    // Another student behind another address: the same image, no new drawing.
    const second = await bytes(await get(pngRoute, school, "/join/qr.png", ipv4()));
    expect(second.equals(first)).toBe(true);
    expect(draws).toHaveBeenCalledTimes(1);
    // A cold image asked for by a dozen at once is drawn once.
    const printed = await Promise.all(Array.from({ length: 12 }, () => get(pngRoute, school, "/join/qr.png?size=print", ipv4())));
    expect(printed.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(draws).toHaveBeenCalledTimes(2);
  });

  it("draws another school's image for it: the memo never hands one school's code to another", async () => {
    const [a, b] = [await makeTenant(prisma), await makeTenant(prisma)];
    const client = ipv4();
    const svgA = (await bytes(await get(svgRoute, a, "/join/qr.svg", client))).toString("utf8");
    const svgB = (await bytes(await get(svgRoute, b, "/join/qr.svg", client))).toString("utf8");
    expect(svgA).toContain("<svg");
    expect(svgA).not.toBe(svgB);
  });
});

describe("the per-address limit on image work", () => {
  it("answers 429 with Retry-After to an address past its allowance, while images already drawn are still served", async () => {
    const school = await makeTenant(prisma);
    const neighbour = ipv4();
    await bytes(await get(pngRoute, school, "/join/qr.png", neighbour));
    const client = ipv4();
    await exhaust(client);
    const refused = await get(svgRoute, school, "/join/qr.svg", client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(IMAGE_WORK_LIMIT.windowSeconds);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    // Behind the same NAT, the image the memo holds costs nothing and is served.
    await bytes(await get(pngRoute, school, "/join/qr.png", client));
    // Another address is not held back by this one.
    await bytes(await get(svgRoute, school, "/join/qr.svg", ipv4()));
  });

  it("counts an IPv6 client by its /64: a new address in the same /64 is the same client", async () => {
    const school = await makeTenant(prisma);
    const prefix = ipv6();
    await exhaust(`${prefix}::1`);
    expect((await get(pngRoute, school, "/join/qr.png?size=print", `${prefix}:0:0:0:abcd`)).status).toBe(429);
    await bytes(await get(pngRoute, school, "/join/qr.png?size=print", `${ipv6()}::1`));
  });

  it("holds the follow page's join QR to the same allowance, and serves it from the memo once read", async () => {
    const [held, served] = [await makeTenant(prisma), await makeTenant(prisma)];
    const image = await bytes(await get(pngRoute, held, "/join/qr.png", ipv4()));
    for (const school of [held, served]) {
      await prisma.wecomJoinQr.create({
        data: {
          tenantId: school.tenantId,
          url: "https://work.weixin.qq.com/wework_admin/genqrcode?action=join&vcode=test",
          image: new Uint8Array(image),
          contentType: "image/png",
          fetchedAt: new Date(),
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
    }
    const memberOf = (school: TestTenant, ip: string) =>
      testScope(prisma, school.tenantId, { actor: { kind: "member", id: school.memberId, ip } });
    const first = await followQr(await memberOf(served, ipv4()));
    // Read once: the memo serves it even when the stored copy is gone.
    await prisma.wecomJoinQr.delete({ where: { tenantId: served.tenantId } });
    const client = ipv4();
    await exhaust(client);
    expect((await followQr(await memberOf(served, client))).base64).toBe(first.base64);
    await expect(followQr(await memberOf(held, client))).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
