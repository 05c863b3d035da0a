// The school's unified-login settings: saved only within the SSRF rules (https, a public name,
// the default port — or an origin on the operator's list of private origins), complete for the provider in use, each
// identity kind's provider within the school, the IT office's alone; and 【测试连接】 saying what
// works against the CAS and OIDC simulators and what does not for an address that resolves inward.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDemoSimulators } from "~/server/identity/private-origins";
import { startCasSimulator, type CasSimulator } from "~/sims/cas";
import { setResolverForTests } from "~/server/identity/outbound/guarded-request";
import { adminClaims, callerFor, makeTenant, testPrisma } from "../support";

const prisma = testPrisma();
let cas: CasSimulator;

beforeAll(async () => {
  cas = await startCasSimulator({ port: 0 });
  await listDemoSimulators(prisma, [cas.url]);
  await fetch(`${cas.url}/__sim/schools/probe`, { method: "PUT", body: JSON.stringify({ basePath: "/probe/authserver", title: "探测" }) });
});
afterAll(async () => {
  setResolverForTests(null);
  await cas.close();
  await prisma.$disconnect();
});

async function adminOfNewSchool() {
  const t = await makeTenant(prisma);
  await prisma.identityKind.create({ data: { tenantId: t.tenantId, code: "candidate", nameZh: "考生", nameEn: "Exam candidates" } });
  return { t, api: await callerFor(prisma, t.host, adminClaims(t)) };
}

describe("saving the school's unified login", () => {
  it.each([
    ["http://ids.example.edu.cn/authserver", "IDP_URL_NOT_HTTPS"],
    ["https://10.0.0.8/cas", "IDP_URL_ADDRESS"],
    ["https://localhost/cas", "IDP_URL_LOCAL_NAME"],
    ["https://ids.example.edu.cn:8443/cas", "IDP_URL_PORT"],
  ])("refuses %s, saying what to type instead", async (casBaseUrl, code) => {
    const { t, api } = await adminOfNewSchool();
    await expect(api.admin.identity.update({ kind: "CAS", casBaseUrl })).rejects.toMatchObject({ cause: { code } });
    expect((await prisma.identityProviderSettings.findUniqueOrThrow({ where: { tenantId: t.tenantId } })).casBaseUrl).toBeNull();
  });

  it("takes an https address or a listed private origin (the CAS simulator), and each identity kind's provider", async () => {
    const { t, api } = await adminOfNewSchool();
    await api.admin.identity.update({ kind: "CAS", casBaseUrl: "https://ids.example.edu.cn/authserver/" });
    expect((await api.admin.identity.settings()).values.casBaseUrl).toBe("https://ids.example.edu.cn/authserver");
    const kinds = await prisma.identityKind.findMany({ where: { tenantId: t.tenantId } });
    const candidate = kinds.find((k) => k.code === "candidate")!;
    await api.admin.identity.update({
      kind: "CAS",
      casBaseUrl: `${cas.url}/probe/authserver`,
      kindProviders: [{ identityKindId: candidate.id, providerKind: "BUILTIN" }],
    });
    const settings = await api.admin.identity.settings();
    expect(settings.kinds.find((k) => k.code === "candidate")?.providerKind).toBe("BUILTIN");
    const registered = (label: string) => settings.registration.rows.find((r) => r.label === label)?.values;
    expect(registered("idp.casService")).toEqual([`http://${t.host}/api/identity/cas/callback`]);
    // A prefix: each login adds its own `?login=…` (the same as an Apereo serviceId).
    expect(registered("idp.casServicePattern")).toEqual([`^http://${t.host.replace(/\./g, "\\.")}/api/identity/cas/callback(\\?.*)?$`]);
    // Audited, never with a secret.
    const audit = await prisma.auditLog.findMany({ where: { tenantId: t.tenantId, action: "tenant.identityProvider.update" } });
    expect(audit).toHaveLength(2);
  });

  it("keeps the school's own 找回密码 page as a web address only, and clears it when emptied", async () => {
    const { t, api } = await adminOfNewSchool();
    const stored = async () =>
      (await prisma.identityProviderSettings.findUniqueOrThrow({ where: { tenantId: t.tenantId } })).passwordResetUrl;
    await api.admin.identity.update({ kind: "BUILTIN", passwordResetUrl: " https://ids.example.edu.cn/retrieve-password " });
    expect((await api.admin.identity.settings()).passwordResetUrl).toBe("https://ids.example.edu.cn/retrieve-password");
    // A link members tap: never a script or a page made of the link itself.
    for (const passwordResetUrl of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ids.example.edu.cn/reset"])
      await expect(api.admin.identity.update({ kind: "BUILTIN", passwordResetUrl })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await stored()).toBe("https://ids.example.edu.cn/retrieve-password");
    // The database holds the same line whatever writes to it.
    await expect(
      prisma.identityProviderSettings.update({ where: { tenantId: t.tenantId }, data: { passwordResetUrl: "javascript:alert(1)" } }),
    ).rejects.toThrow(/passwordResetUrl_web/);
    await api.admin.identity.update({ kind: "BUILTIN", passwordResetUrl: "" });
    expect(await stored()).toBeNull();
  });

  it("refuses an incomplete provider and another school's identity kind", async () => {
    const { api } = await adminOfNewSchool();
    const other = await makeTenant(prisma);
    await expect(api.admin.identity.update({ kind: "OIDC", oidcIssuer: "https://idp.example.edu.cn" })).rejects.toMatchObject({
      cause: { code: "IDP_SETTINGS_INCOMPLETE" },
    });
    await expect(
      api.admin.identity.update({ kind: "BUILTIN", kindProviders: [{ identityKindId: other.identityKindId, providerKind: "CAS" }] }),
    ).rejects.toMatchObject({ cause: { code: "IDP_SETTINGS_INCOMPLETE" } });
    await expect(
      api.admin.identity.update({ kind: "BUILTIN", kindProviders: [{ identityKindId: other.identityKindId, providerKind: "BUILTIN" }] }),
    ).rejects.toMatchObject({ cause: { code: "NOT_FOUND" } });
    expect((await prisma.identityKind.findUniqueOrThrow({ where: { id: other.identityKindId } })).providerKind).toBeNull();
  });

  it("is the IT office's: the helpdesk is refused", async () => {
    const { t } = await adminOfNewSchool();
    await prisma.tenantAdmin.update({ where: { id: t.adminId }, data: { role: "HELPDESK" } });
    const api = await callerFor(prisma, t.host, adminClaims(t));
    await expect(api.admin.identity.settings()).rejects.toMatchObject({ cause: { code: "PERMISSION_REQUIRED" } });
  });
});

describe("【测试连接】", () => {
  it("passes against a CAS server that answers an invalid ticket with INVALID_TICKET", async () => {
    const { api } = await adminOfNewSchool();
    await api.admin.identity.update({ kind: "CAS", casBaseUrl: `${cas.url}/probe/authserver`, casVersion: "CAS2" });
    const result = await api.admin.identity.testConnection();
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ["address", "passed"],
      ["loginPage", "passed"],
      ["validation", "passed"],
    ]);
    expect(result.ok).toBe(true);
  });

  it("names a wrong deployment path and an address that resolves to the platform's own network", async () => {
    const { t, api } = await adminOfNewSchool();
    await api.admin.identity.update({ kind: "CAS", casBaseUrl: `${cas.url}/nothing-here` });
    const wrongPath = await api.admin.identity.testConnection();
    expect(wrongPath.ok).toBe(false);
    expect(wrongPath.checks.find((c) => c.id === "loginPage")?.detail).toContain("/authserver");
    await api.admin.identity.update({ kind: "CAS", casBaseUrl: "https://ids.rebinding.example.edu.cn/authserver" });
    setResolverForTests(() => Promise.resolve([{ address: "169.254.169.254", family: 4 }]));
    const inward = await api.admin.identity.testConnection();
    setResolverForTests(null);
    expect(inward.checks.find((c) => c.id === "loginPage")).toMatchObject({ status: "failed" });
    // The host as the school wrote it, never the internal address it resolved to.
    expect(inward.checks.find((c) => c.id === "loginPage")?.detail).toContain("ids.rebinding.example.edu.cn");
    expect(JSON.stringify(inward)).not.toContain("169.254.169.254");
    void t;
  });
});
