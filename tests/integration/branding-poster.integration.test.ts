// The school's branding and its A4 poster, through their routes on the school's host: the logo
// upload (judged by its bytes, capped, only by the school's own admin), the logo as served (its type,
// nosniff, ETag), the colours' contrast rule, and the poster PDF read back as text.
import { PDFParse } from "pdf-parse";
import QRCode from "qrcode";
import { afterAll, describe, expect, it } from "vitest";
import { GET as posterRoute } from "~/app/(school)/admin/(console)/qr/poster.pdf/route";
import { POST as logoUpload } from "~/app/(school)/admin/(console)/branding/logo/route";
import { GET as logoRoute } from "~/app/(school)/brand/logo/route";
import type { SessionClaims } from "~/server/auth/session-user";
import { adminClaims, callerFor, makeTenant, memberClaims, sessionCookie, testPrisma, type TestTenant } from "./support";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

async function upload(
  t: TestTenant,
  claims: SessionClaims | undefined,
  file: Uint8Array | null,
  name: string,
  extra: Record<string, string> = {},
) {
  const form = new FormData();
  if (file) form.set("file", new File([new Uint8Array(file)], name));
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  const body = new Request("http://x/", { method: "POST", body: form });
  const headers = new Headers({ host: t.host, "content-type": body.headers.get("content-type")!, origin: `http://${t.host}` });
  if (claims) headers.set("cookie", await sessionCookie(claims));
  return logoUpload(new Request(`http://${t.host}/admin/branding/logo`, { method: "POST", headers, body: await body.arrayBuffer() }));
}

async function logoOf(t: TestTenant, headers: Record<string, string> = {}, query = "") {
  return logoRoute(new Request(`http://${t.host}/brand/logo${query}`, { headers: { host: t.host, ...headers } }));
}

async function posterOf(t: TestTenant, claims: SessionClaims | undefined) {
  const headers = new Headers({ host: t.host });
  if (claims) headers.set("cookie", await sessionCookie(claims));
  return posterRoute(new Request(`http://${t.host}/admin/qr/poster.pdf`, { headers }));
}

const pngLogo = () => QRCode.toBuffer("logo", { width: 64 });

describe("the logo", () => {
  it("is uploaded by the school's admin and served from its host as a PNG with nosniff, a cache header and an ETag", async () => {
    const t = await makeTenant(prisma);
    const png = await pngLogo();
    const saved = await upload(t, adminClaims(t), png, "校徽.png");
    expect(saved.headers.get("location")).toBe("/admin/branding?logo=saved");

    const served = await logoOf(t);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toMatch(/max-age=\d+/);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
    const etag = served.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await logoOf(t, { "if-none-match": etag })).status).toBe(304);

    // The pages link it by version, and the public profile names that link.
    const profile = await (await callerFor(prisma, t.host)).school.tenant.current();
    expect(profile.logoUrl).toBe(`/brand/logo?v=${etag.slice(1, 17)}`);
    expect((await logoOf(t, {}, `?v=${etag.slice(1, 17)}`)).headers.get("cache-control")).toContain("immutable");

    const row = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: t.tenantId, action: "tenant.logo.updated" } });
    expect(row.detail).toMatchObject({ before: null, after: { contentType: "image/png", sha256: etag.slice(1, -1), bytes: png.length } });
  });

  it("refuses by content an HTML page and an SVG with a script named .png, a WebP, and a file over 512 KB", async () => {
    const t = await makeTenant(prisma);
    const html = new TextEncoder().encode("<html><script>alert(document.cookie)</script></html>");
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const webp = new Uint8Array([...new TextEncoder().encode("RIFF"), 0, 0, 0, 0, ...new TextEncoder().encode("WEBPVP8 ")]);
    for (const [bytes, name] of [
      [html, "logo.png"],
      [svg, "logo.png"],
      [svg, "logo.svg"],
      [webp, "logo.webp"],
    ] as const) {
      expect((await upload(t, adminClaims(t), bytes, name)).headers.get("location"), name).toBe("/admin/branding?error=LOGO_NOT_AN_IMAGE");
    }
    const png = await pngLogo();
    const oversize = new Uint8Array(512 * 1024 + 1);
    oversize.set(png);
    expect((await upload(t, adminClaims(t), oversize, "big.png")).headers.get("location")).toBe("/admin/branding?error=PAYLOAD_TOO_LARGE");
    expect((await logoOf(t)).status).toBe(404);
    expect(await prisma.schoolLogo.count({ where: { tenantId: t.tenantId } })).toBe(0);
  });

  it("is changed only by the school's own admin, and one school's logo is never served on another's host", async () => {
    const [a, b] = [await makeTenant(prisma), await makeTenant(prisma)];
    const png = await pngLogo();
    expect((await upload(a, adminClaims(b, a.host), png, "x.png")).headers.get("location")).toBe("/admin/login");
    expect((await upload(a, memberClaims(a), png, "x.png")).headers.get("location")).toBe("/admin/login");
    expect((await upload(a, undefined, png, "x.png")).headers.get("location")).toBe("/admin/login");
    expect(await prisma.schoolLogo.count({ where: { tenantId: { in: [a.tenantId, b.tenantId] } } })).toBe(0);

    await upload(a, adminClaims(a), png, "a.png");
    expect((await logoOf(a)).status).toBe(200);
    expect((await logoOf(b)).status).toBe(404);
    // Removing it is audited with what was removed.
    expect((await upload(a, adminClaims(a), null, "", { remove: "1" })).headers.get("location")).toBe("/admin/branding?logo=removed");
    expect((await logoOf(a)).status).toBe(404);
    const removed = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: a.tenantId, action: "tenant.logo.removed" } });
    expect(removed.detail).toMatchObject({ before: { contentType: "image/png" }, after: null });
  });
});

describe("the colours", () => {
  it("refuses a colour white text would be unreadable on, saying the ratio it has and needs", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, t.host, adminClaims(t));
    await expect(api.admin.branding.updateColours({ primaryColor: "#ffcc00", accentColor: "#c8102e" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { code: "BRAND_PRIMARY_UNREADABLE", vars: { colour: "#ffcc00", ratio: 1.5, needed: 4.5 } },
    });
    await expect(api.admin.branding.updateColours({ primaryColor: "#0b4ea2", accentColor: "#fde68a" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { code: "BRAND_ACCENT_UNREADABLE", vars: { colour: "#fde68a", needed: 3 } },
    });
    await expect(api.admin.branding.updateColours({ primaryColor: "blue", accentColor: "#c8102e" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await prisma.tenant.findUniqueOrThrow({ where: { id: t.tenantId }, select: { primaryColor: true } })).toEqual({
      primaryColor: "#1d4ed8",
    });
  });

  it("saves readable colours for the member pages, audited with before and after", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, t.host, adminClaims(t));
    await expect(api.admin.branding.updateColours({ primaryColor: "#0B4EA2", accentColor: "#c8102e" })).resolves.toEqual({
      primaryColor: "#0b4ea2",
      accentColor: "#c8102e",
    });
    expect(await (await callerFor(prisma, t.host)).school.tenant.current()).toMatchObject({
      primaryColor: "#0b4ea2",
      accentColor: "#c8102e",
    });
    const row = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: t.tenantId, action: "tenant.branding.updated" } });
    expect(row.detail).toEqual({
      before: { primaryColor: "#1d4ed8", accentColor: "#f59e0b" },
      after: { primaryColor: "#0b4ea2", accentColor: "#c8102e" },
    });
    // The helpdesk changes no settings.
    const helpdesk = await prisma.tenantAdmin.update({ where: { id: t.adminId }, data: { role: "HELPDESK" } });
    const asHelpdesk = await callerFor(prisma, t.host, { ...adminClaims(t), sub: helpdesk.id });
    await expect(asHelpdesk.admin.branding.updateColours({ primaryColor: "#123456", accentColor: "#654321" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("the A4 poster", () => {
  it("is a PDF to save, naming the school in Chinese and English with the four steps in both languages", async () => {
    const t = await makeTenant(prisma);
    await upload(t, adminClaims(t), await pngLogo(), "logo.png");
    const answer = await posterOf(t, adminClaims(t));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/pdf");
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="registration-poster.pdf"/);
    const pdf = new Uint8Array(await answer.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    const raw = Buffer.from(pdf).toString("latin1");
    // pdf.js takes the bytes it is given (a copy, so the raw check below still has them).
    const text = (await new PDFParse({ data: pdf.slice() }).getText()).text.replace(/\s+/g, " ");
    const school = await prisma.tenant.findUniqueOrThrow({ where: { id: t.tenantId }, select: { name: true, nameEn: true } });
    for (const words of [
      school.name,
      school.nameEn,
      "微信扫一扫，开通企业微信",
      "扫码",
      "统一身份认证登录",
      "绑定手机号",
      "关注企业微信",
      "scan the QR code above with WeChat",
      "unified login",
      "Bind your phone",
      "Follow WeCom",
    ]) {
      expect(text, words).toContain(words);
    }
    // The logo is drawn into it.
    expect(raw).toContain("/Subtype /Image");
    // The download counts for the go-live checklist's QR step.
    const download = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: t.tenantId, action: "tenant.qr.downloaded" } });
    expect(download.detail).toEqual({ format: "pdf" });
  });

  it("is refused to anyone but the school's own back office", async () => {
    const [a, b] = [await makeTenant(prisma), await makeTenant(prisma)];
    expect((await posterOf(a, undefined)).status).toBe(401);
    expect((await posterOf(a, memberClaims(a))).status).toBe(401);
    expect((await posterOf(a, adminClaims(b, a.host))).status).toBe(401);
    expect(await prisma.auditLog.count({ where: { tenantId: a.tenantId, action: "tenant.qr.downloaded" } })).toBe(0);
  });
});
