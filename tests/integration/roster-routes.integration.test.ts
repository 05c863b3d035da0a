// The roster's two routes on a school's host: the upload (a multipart form post, judged by its
// bytes, capped) and the export (the directory in the import's columns, ID numbers masked unless
// permitted and asked, audited) — each only the host's school's, and an export imports back unchanged.
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { POST as upload } from "~/app/(school)/admin/(console)/import/upload/route";
import { GET as exportRoute } from "~/app/(school)/admin/(console)/members/export/route";
import { blindIndex, encryptSecret, parseKey, sealContext } from "~/server/crypto/secrets";
import { importJobStatus } from "~/server/members/roster/import-jobs";
import { previewRosterUpload } from "~/server/members/roster/preview-import";
import { residentId, utf8Csv } from "../fixtures/roster/build";
import { adminClaims, callerFor, makeTenant, sessionCookie, testPrisma, testScope, type TestTenant } from "./support";
import type { SessionClaims } from "~/server/auth/session-user";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

async function post(t: { host: string }, claims: SessionClaims | undefined, file: Uint8Array, name: string, origin?: string) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(file)], name));
  const body = new Request("http://x/", { method: "POST", body: form });
  const headers = new Headers({ host: t.host, "content-type": body.headers.get("content-type")!, origin: origin ?? `http://${t.host}` });
  if (claims) headers.set("cookie", await sessionCookie(claims));
  return upload(new Request(`http://${t.host}/admin/import/upload`, { method: "POST", headers, body: await body.arrayBuffer() }));
}

async function exportOf(t: TestTenant, query: string, claims: SessionClaims = adminClaims(t)) {
  const headers = new Headers({ host: t.host, cookie: await sessionCookie(claims) });
  return exportRoute(new Request(`http://${t.host}/admin/members/export?${query}`, { headers }));
}

/** A school whose member has an ID number, as the directory keeps it. */
async function schoolWithIdNumber() {
  const t = await makeTenant(prisma);
  const key = parseKey(process.env.APP_ENCRYPTION_KEY!);
  const id = residentId("11010119900307701");
  await prisma.member.update({
    where: { id: t.memberId },
    data: {
      department: "计算机学院/软件工程",
      email: `${t.memberAccount.toLowerCase()}@example.edu.cn`,
      idType: "居民身份证",
      idNumberEnc: encryptSecret(id, key, sealContext("Member", "idNumberEnc", t.memberId)),
      idNumberHash: blindIndex(id, key, t.tenantId),
    },
  });
  return { t, id };
}

describe("the upload route", () => {
  it("previews the school's file and sends the admin to it; another school's session is sent to sign in", async () => {
    const [a, b] = [await makeTenant(prisma), await makeTenant(prisma)];
    const answer = await post(
      a,
      adminClaims(a),
      utf8Csv([
        ["学号", "姓名"],
        [a.memberAccount, a.memberName],
      ]),
      "名单.csv",
    );
    expect(answer.status).toBe(303);
    const id = answer.headers.get("location")!.replace("/admin/import/", "");
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
      tenantId: a.tenantId,
      fileName: "名单.csv",
      state: "PREVIEWED",
    });
    const foreign = await post(a, adminClaims(b, a.host), utf8Csv([["学号", "姓名"]]), "x.csv");
    expect(foreign.headers.get("location")).toBe("/admin/login");
    // B's admin cannot read A's import either.
    await expect((await callerFor(prisma, b.host, adminClaims(b))).admin.roster.status({ importJobId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses by content a PNG named .csv and an old .xls, and another site's post", async () => {
    const t = await makeTenant(prisma);
    const png = await post(t, adminClaims(t), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "roster.csv");
    expect(png.headers.get("location")).toBe("/admin/import?error=ROSTER_NOT_A_ROSTER");
    const xls = await post(t, adminClaims(t), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), "roster.xlsx");
    expect(xls.headers.get("location")).toBe("/admin/import?error=ROSTER_XLS_BINARY");
    const crossSite = await post(t, adminClaims(t), utf8Csv([["学号", "姓名"]]), "x.csv", "https://evil.example");
    expect(crossSite.headers.get("location")).toBe("/admin/import?error=CROSS_SITE_REFUSED");
    expect(await prisma.importJob.count({ where: { tenantId: t.tenantId, fileName: { not: `${t.memberAccount}.csv` } } })).toBe(0);
  });

  it("refuses a file over 10 MB without reading it all", async () => {
    const t = await makeTenant(prisma);
    const answer = await post(t, adminClaims(t), new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41), "big.csv");
    expect(answer.headers.get("location")).toBe("/admin/import?error=PAYLOAD_TOO_LARGE");
  });
});

describe("the export route", () => {
  it("writes the school's members only, as CSV with a BOM, ID numbers masked, and audits it", async () => {
    const [{ t: a, id }, b] = [await schoolWithIdNumber(), await makeTenant(prisma)];
    const answer = await exportOf(a, "format=csv");
    expect(answer.status).toBe(200);
    const bytes = new Uint8Array(await answer.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("学工号,姓名,身份类型,院系/部门,手机号,邮箱,证件类型,证件号码");
    expect(text).toContain(a.memberAccount);
    expect(text).not.toContain(b.memberAccount);
    expect(text).not.toContain(id);
    expect(text).toContain(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: a.tenantId, action: "member.export" } });
    expect(audit.detail).toMatchObject({ format: "csv", members: 1, idNumbers: "masked" });
  });

  it("gives ID numbers in full only to a role that may see them, who asked; that export is audited as such", async () => {
    const { t, id } = await schoolWithIdNumber();
    await prisma.tenantAdmin.update({ where: { id: t.adminId }, data: { role: "HELPDESK" } });
    expect((await exportOf(t, "format=csv&idNumbers=full")).status).toBe(403);
    await prisma.tenantAdmin.update({ where: { id: t.adminId }, data: { role: "ADMIN" } });
    expect(await (await exportOf(t, "format=csv&idNumbers=full")).text()).toContain(id);
    expect((await prisma.auditLog.findFirstOrThrow({ where: { tenantId: t.tenantId, action: "member.export" } })).detail).toMatchObject({
      idNumbers: "full",
    });
  });

  it("an export, CSV or Excel, masked or not, imports back with every row unchanged", async () => {
    const { t } = await schoolWithIdNumber();
    const scope = await testScope(prisma, t.tenantId);
    for (const [query, name] of [
      ["format=csv", "e.csv"],
      ["format=xlsx", "e.xlsx"],
      ["format=xlsx&idNumbers=full", "f.xlsx"],
    ] as const) {
      const file = new Uint8Array(await (await exportOf(t, query)).arrayBuffer());
      const { id } = await previewRosterUpload(scope, { fileName: name, bytes: file });
      const job = await importJobStatus(scope, { importJobId: id });
      expect(job.report.counts, name).toEqual({ rows: 1, create: 0, update: 0, unchanged: 1, refused: 0 });
    }
  });

  it("writes Excel cells as text, so an account or ID number keeps its digits", async () => {
    const { t, id } = await schoolWithIdNumber();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await exportOf(t, "format=xlsx&idNumbers=full")).arrayBuffer()) as never);
    const row = workbook.worksheets[0]!.getRow(2);
    expect(row.getCell(8).value).toBe(id);
    expect(typeof row.getCell(5).value).toBe("string");
  });
});
