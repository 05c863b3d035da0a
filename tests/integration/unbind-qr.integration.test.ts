// The unbind QR a school prints beside its registration QR (issue 18 §1; IMUT 二): the back office's
// PNG, SVG and A4 poster, each encoding the school's signed link to 解绑微信 (/me/unbind) on its own
// host; the poster read back as text with its own title and steps in both languages; all of it for
// the school's own back office only, and none of it counted as the registration QR's download.
import jsQR from "jsqr";
import { PDFParse } from "pdf-parse";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { GET as unbindPng } from "~/app/(school)/admin/(console)/qr/unbind/qr.png/route";
import { GET as unbindSvg } from "~/app/(school)/admin/(console)/qr/unbind/qr.svg/route";
import { GET as unbindPoster } from "~/app/(school)/admin/(console)/qr/unbind/poster.pdf/route";
import type { SessionClaims } from "~/server/auth/session-user";
import { encryptionKey } from "~/server/crypto/keys";
import { readQrToken } from "~/server/qr/registration-link";
import { adminClaims, callerFor, makeTenant, memberClaims, sessionCookie, testPrisma, type TestTenant } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

type Route = (request: Request) => Promise<Response>;

async function get(route: Route, t: TestTenant, path: string, claims?: SessionClaims): Promise<Response> {
  const headers = new Headers({ host: t.host });
  if (claims) headers.set("cookie", await sessionCookie(claims));
  return route(new Request(`http://${t.host}${path}`, { headers }));
}

async function bytes(response: Response): Promise<Buffer> {
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** The link a phone reads from the PNG. */
function decoded(png: Buffer): string {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? "";
}

describe("the unbind QR", () => {
  it("opens 解绑微信 on the school's own host, with a link signed for this school and this purpose", async () => {
    const t = await makeTenant(prisma);
    const answer = await get(unbindPng, t, "/admin/qr/unbind/qr.png", adminClaims(t));
    expect(answer.headers.get("content-type")).toBe("image/png");
    const link = new URL(decoded(await bytes(answer)));
    expect(`${link.origin}${link.pathname}`).toBe(`http://${t.host}/me/unbind`);
    expect(readQrToken(encryptionKey(), link.searchParams.get("q")!)).toEqual({ kind: "valid", tenantId: t.tenantId, purpose: "unbind" });

    // The same link the registration's tRPC link names for this purpose, and this school's own, read on its host.
    const api = await callerFor(prisma, t.host);
    expect((await api.school.join.link({ purpose: "unbind" })).path).toBe(`${link.pathname}${link.search}`);
    await expect(api.school.join.check({ token: link.searchParams.get("q")! })).resolves.toEqual({ kind: "thisSchool" });
    // Not the registration QR's link.
    expect((await api.school.join.link({ purpose: "register" })).path).toMatch(/^\/join\?q=1\.r\./);
  });

  it("is saved as a print-size PNG and as an SVG, named as the unbind QR", async () => {
    const t = await makeTenant(prisma);
    const print = await get(unbindPng, t, "/admin/qr/unbind/qr.png?size=print&download=1", adminClaims(t));
    expect(print.headers.get("content-disposition")).toBe('attachment; filename="unbind-qr.png"');
    const png = await bytes(print);
    expect(PNG.sync.read(png).width).toBe(1200);
    expect(decoded(png)).toMatch(new RegExp(`^http://${t.host.replace(/\./g, "\\.")}/me/unbind\\?q=1\\.u\\.`));

    const svg = await get(unbindSvg, t, "/admin/qr/unbind/qr.svg?download=1", adminClaims(t));
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(svg.headers.get("content-disposition")).toBe('attachment; filename="unbind-qr.svg"');
    expect((await bytes(svg)).toString("utf8")).toMatch(/^<svg /);
    // The registration QR's download is what the go-live checklist counts; the unbind QR's is not it.
    expect(await prisma.auditLog.count({ where: { tenantId: t.tenantId, action: "tenant.qr.downloaded" } })).toBe(0);
  });

  it("has an A4 poster naming the school, with its own headline and the four unbind steps in both languages", async () => {
    const t = await makeTenant(prisma);
    const answer = await get(unbindPoster, t, "/admin/qr/unbind/poster.pdf", adminClaims(t));
    expect(answer.headers.get("content-type")).toBe("application/pdf");
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="unbind-poster.pdf"/);
    const pdf = new Uint8Array(await bytes(answer));
    const text = (await new PDFParse({ data: pdf }).getText()).text.replace(/\s+/g, " ");
    const school = await prisma.tenant.findUniqueOrThrow({ where: { id: t.tenantId }, select: { name: true, nameEn: true } });
    for (const words of [
      school.name,
      school.nameEn,
      "微信扫一扫，解绑企业微信",
      "Scan with WeChat to leave the school's WeCom",
      "用学校账号登录（已登录则跳过）",
      "点【确认解绑】",
      "先清除微信缓存，再扫注册二维码",
      "Sign in with your school account",
      "then tap 【确认解绑】 (Unbind)",
      "clear WeChat's cache first",
    ]) {
      expect(text, words).toContain(words);
    }
    // Not the registration poster's steps.
    expect(text).not.toContain("绑定手机号");
  });

  it("is refused to anyone but the school's own back office", async () => {
    const [a, b] = [await makeTenant(prisma), await makeTenant(prisma)];
    for (const [route, path] of [
      [unbindPng, "/admin/qr/unbind/qr.png"],
      [unbindSvg, "/admin/qr/unbind/qr.svg"],
      [unbindPoster, "/admin/qr/unbind/poster.pdf"],
    ] as const) {
      for (const claims of [undefined, memberClaims(a), adminClaims(b, a.host)]) {
        expect((await get(route, a, path, claims)).status, path).toBe(401);
      }
    }
  });
});
