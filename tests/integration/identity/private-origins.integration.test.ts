// The operator's list of private origins (内网认证地址): a school's CAS on its campus network — here
// the real CAS simulator, on http and a loopback address — is refused until the operator lists its
// origin, works once listed (save, 【测试连接】, the sign-in's calls), and stops at the next call once
// removed. The list opens that one origin only, and only the operator (second factor) changes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCasSimulator, type CasSimulator } from "~/sims/cas";
import type { SessionClaims } from "~/server/auth/session-user";
import { casServer } from "~/server/identity/cas/settings";
import { OutboundError, schoolRequest, setResolverForTests } from "~/server/identity/outbound/guarded-request";
import { adminClaims, callerFor, makeTenant, makeVendor, testPrisma, testScope } from "../support";

const prisma = testPrisma();
let cas: CasSimulator;
let vendor: SessionClaims;
const NOTE = "理工大学统一身份认证（专线）";

beforeAll(async () => {
  cas = await startCasSimulator({ port: 0 });
  await fetch(`${cas.url}/__sim/schools/campus`, {
    method: "PUT",
    body: JSON.stringify({ basePath: "/campus/authserver", title: "校园网" }),
  });
  // Ours alone: a port an earlier simulator of this run left listed is not this test's to trust.
  await prisma.privateOrigin.deleteMany({ where: { origin: cas.url } });
  const v = await makeVendor(prisma);
  vendor = { sub: v.id, kind: "vendor", tenantId: null, host: "localhost", ver: 0 };
});
afterAll(async () => {
  setResolverForTests(null);
  await cas.close();
  await prisma.$disconnect();
});

const operator = () => callerFor(prisma, "localhost", vendor);

async function schoolAdmin() {
  const t = await makeTenant(prisma, { idpKind: "CAS" });
  return { t, api: await callerFor(prisma, t.host, adminClaims(t)) };
}

const addressOf = (result: { checks: { id: string; status: string; detail: string }[] }) => result.checks.find((c) => c.id === "address");

describe("a school's CAS on its campus network", () => {
  it("is refused until the operator lists its origin, works once listed, and stops at the next call once removed", async () => {
    const { t, api } = await schoolAdmin();
    const casBaseUrl = `${cas.url}/campus/authserver`;
    await expect(api.admin.identity.update({ kind: "CAS", casBaseUrl })).rejects.toMatchObject({ cause: { code: "IDP_URL_NOT_HTTPS" } });

    const listed = await (await operator()).vendor.privateOrigins.add({ origin: cas.url, note: NOTE });
    expect(listed).toMatchObject({ origin: cas.url, note: NOTE });
    await api.admin.identity.update({ kind: "CAS", casBaseUrl, casVersion: "CAS3" });
    const connected = await api.admin.identity.testConnection();
    expect(connected.checks.map((c) => [c.id, c.status])).toEqual([
      ["address", "passed"],
      ["loginPage", "passed"],
      ["validation", "passed"],
    ]);
    // The address check says why a private address is allowed: the operator's list, with its note.
    expect(addressOf(connected)?.detail).toContain(NOTE);
    const scope = await testScope(prisma, t.tenantId);
    expect((await casServer(scope)).base).toBe(casBaseUrl);

    await (await operator()).vendor.privateOrigins.remove({ id: listed.id });
    // Saved while listed; refused at the very next call, not at the next save.
    const removed = await api.admin.identity.testConnection();
    expect(removed.ok).toBe(false);
    expect(addressOf(removed)).toMatchObject({ status: "failed" });
    await expect(casServer(scope)).rejects.toMatchObject({ code: "IDP_URL_NOT_HTTPS" });
    // The sign-in's own call (ticket validation) is refused by the guarded request before it connects.
    await expect(schoolRequest(new URL(`${casBaseUrl}/p3/serviceValidate?ticket=ST-1&service=x`))).rejects.toMatchObject({
      failure: { kind: "not_allowed" },
    });
  });

  it("opens the listed origin only: not the same host on another port, nor a name that resolves to it", async () => {
    const { api } = await schoolAdmin();
    const { id } = await (await operator()).vendor.privateOrigins.add({ origin: cas.url, note: NOTE });
    try {
      const port = Number(new URL(cas.url).port);
      for (const other of [`http://127.0.0.1:${port + 1}/campus/authserver`, `http://localhost:${port}/campus/authserver`]) {
        await expect(api.admin.identity.update({ kind: "CAS", casBaseUrl: other })).rejects.toMatchObject({
          cause: { code: "IDP_URL_NOT_HTTPS" },
        });
      }
      // A public-looking name that resolves to the listed address is held to public addresses, as ever.
      await api.admin.identity.update({ kind: "CAS", casBaseUrl: "https://ids.campus-line.example.edu.cn/authserver" });
      setResolverForTests(() => Promise.resolve([{ address: "127.0.0.1", family: 4 }]));
      const inward = await api.admin.identity.testConnection();
      setResolverForTests(null);
      expect(inward.checks.find((c) => c.id === "loginPage")).toMatchObject({ status: "failed" });
      await expect(schoolRequest(new URL(`https://ids.campus-line.example.edu.cn:${port}/campus/authserver/login`))).rejects.toBeInstanceOf(
        OutboundError,
      );
    } finally {
      setResolverForTests(null);
      await (await operator()).vendor.privateOrigins.remove({ id });
    }
  });
});

describe("the list, on the vendor console", () => {
  it("takes an origin and nothing else, spelled as the connection compares it, once", async () => {
    const api = await operator();
    for (const origin of [
      "http://10.30.0.5:8080/cas",
      "http://10.30.0.5:8080?x",
      "http://u:p@10.30.0.5:8080",
      "ftp://10.30.0.5",
      "10.30.0.5",
    ]) {
      await expect(api.vendor.privateOrigins.add({ origin, note: NOTE })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const added = await api.vendor.privateOrigins.add({ origin: "HTTP://IDS.Campus.Example:80/", note: NOTE });
    expect(added.origin).toBe("http://ids.campus.example");
    await expect(api.vendor.privateOrigins.add({ origin: "http://ids.campus.example", note: "again" })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "ALREADY_EXISTS" },
    });
    const row = (await api.vendor.privateOrigins.list()).find((r) => r.id === added.id);
    const v = await prisma.vendorAdmin.findUniqueOrThrow({ where: { id: vendor.sub } });
    expect(row).toMatchObject({ note: NOTE, addedBy: v.name });
    await api.vendor.privateOrigins.remove({ id: added.id });
    expect((await api.vendor.privateOrigins.list()).some((r) => r.id === added.id)).toBe(false);
  });

  it("records who added and removed each origin, from where", async () => {
    const api = await operator();
    const added = await api.vendor.privateOrigins.add({ origin: "http://10.40.0.9:8443", note: NOTE });
    await api.vendor.privateOrigins.remove({ id: added.id });
    const rows = await prisma.auditLog.findMany({
      where: { target: "http://10.40.0.9:8443" },
      select: { action: true, actorKind: true, actorId: true, tenantId: true, detail: true },
      orderBy: { createdAt: "asc" },
    });
    expect(rows).toEqual([
      { action: "platform.privateOrigin.add", actorKind: "vendor", actorId: vendor.sub, tenantId: null, detail: { note: NOTE } },
      { action: "platform.privateOrigin.remove", actorKind: "vendor", actorId: vendor.sub, tenantId: null, detail: { note: NOTE } },
    ]);
  });

  it("is the operator's alone: a school's admin, an anonymous caller and a vendor without the second factor are refused", async () => {
    const { t } = await schoolAdmin();
    const unenrolled = await makeVendor(prisma, { enrolled: false });
    const callers = [
      await callerFor(prisma, t.host, adminClaims(t)),
      await callerFor(prisma, "localhost", adminClaims(t, "localhost")),
      await callerFor(prisma, "localhost"),
      await callerFor(prisma, "localhost", { sub: unenrolled.id, kind: "vendor", tenantId: null, host: "localhost", ver: 0 }),
    ];
    const codeOf = (work: Promise<unknown>) =>
      work.then(
        () => "ANSWERED",
        (error: { code?: string }) => error.code,
      );
    for (const api of callers) {
      expect(["UNAUTHORIZED", "FORBIDDEN"]).toContain(
        await codeOf(api.vendor.privateOrigins.add({ origin: "http://10.50.0.1", note: NOTE })),
      );
      expect(["UNAUTHORIZED", "FORBIDDEN"]).toContain(await codeOf(api.vendor.privateOrigins.list()));
    }
    expect(await prisma.privateOrigin.count({ where: { origin: "http://10.50.0.1" } })).toBe(0);
  });
});
