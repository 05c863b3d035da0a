// Every procedure of the app router, found by walking the router (so procedures
// added later are covered without editing this file), is called by each kind of
// session of school A with input aimed at school B's rows. B's data must never
// come back, and B must be unchanged afterwards. A session of A presented on
// B's host is refused. A positive control proves each procedure does work for
// someone, so the refusals are not just a broken procedure.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as platformAuditExport } from "~/app/vendor/(console)/audit/export/route";
import { appRouter } from "~/server/api/root";
import type { ProcedureMeta } from "~/server/api/meta";
import type { SessionClaims } from "~/server/auth/session-user";
import { adminClaims, callerFor, makeTenant, makeVendor, memberClaims, requestHeaders, testPrisma, type TestTenant } from "./support";

const prisma = testPrisma();
type AnyProcedure = { _def: { type: string; meta?: ProcedureMeta; inputs: unknown[] } };
// At run time tRPC keeps every procedure in one flat record keyed by its dotted path.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

let a: TestTenant;
let b: TestTenant;
let vendorClaims: SessionClaims;

beforeAll(async () => {
  a = await makeTenant(prisma);
  b = await makeTenant(prisma);
  const vendor = await makeVendor(prisma);
  vendorClaims = { sub: vendor.id, kind: "vendor", tenantId: null, host: "localhost", ver: 0 };
});
afterAll(() => prisma.$disconnect());

async function invoke(
  host: string,
  claims: SessionClaims | undefined,
  path: string,
  input: unknown,
): Promise<{ ok: true; value: unknown } | { ok: false; code: string }> {
  const caller = (await callerFor(prisma, host, claims)) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    return { ok: true, value: await fn(input) };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code };
    throw error;
  }
}

function inputFor(procedure: AnyProcedure, target: TestTenant): unknown {
  return procedure._def.meta?.probe?.(target);
}

/** What of B must never reach A. */
function markersOf(t: TestTenant): string[] {
  return [
    t.tenantId,
    t.slug,
    t.memberId,
    t.memberAccount,
    t.memberName,
    t.memberPhone,
    t.memberPhone.slice(3),
    t.adminId,
    t.identityKindId,
    t.failedSyncJobId,
    t.importJobId,
    t.helpPageId,
    t.helpPageSlug,
    t.hallServiceId,
    t.hallApplicationId,
  ];
}

async function snapshotOf(t: TestTenant) {
  return {
    tenant: await prisma.tenant.findUniqueOrThrow({ where: { id: t.tenantId } }),
    members: await prisma.member.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } }),
    admins: await prisma.tenantAdmin.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } }),
    kinds: await prisma.identityKind.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } }),
    jobs: await prisma.$queryRawUnsafe<unknown[]>(
      `SELECT id, state, data, retry_limit FROM pgboss.job WHERE data->>'tenantId' = $1 ORDER BY id`,
      t.tenantId,
    ),
    jobRows: await prisma.wecomJob.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } }),
    imports: await prisma.importJob.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } }),
    helpPages: await prisma.helpPage.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } }),
    contacts: await prisma.schoolContacts.findMany({ where: { tenantId: t.tenantId } }),
    services: await prisma.service.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } }),
    applications: await prisma.application.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } }),
    applicationTasks: await prisma.applicationTask.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } }),
    applicationEvents: await prisma.applicationEvent.findMany({ where: { tenantId: t.tenantId }, orderBy: { id: "asc" } }),
  };
}

describe("every procedure keeps one school's data from another", () => {
  it("finds the procedures of the app router", () => {
    expect(procedures.length).toBeGreaterThan(0);
  });

  it("walks the directory's search and every procedure of the member page and its fixes", () => {
    const paths = procedures.map(([path]) => path);
    for (const name of ["identityKinds", "record", "phoneHolder", "savePhone", "clearContacts", "movePhone", "resendInvite", "resync"])
      expect(paths).toContain(`admin.member.${name}`);
    expect(paths).toEqual(expect.arrayContaining(["admin.directory.search", "admin.directory.unlock"]));
  });

  it.each(procedures)("%s declares a cross-tenant probe for its input", (_path, procedure) => {
    if (procedure._def.inputs.length > 0)
      expect(procedure._def.meta?.probe, "add .meta({ probe }) to this procedure").toBeTypeOf("function");
  });

  it.each(procedures)("%s gives school A's sessions nothing of school B and leaves B unchanged", async (path, procedure) => {
    const before = await snapshotOf(b);
    const sessions: [string, SessionClaims | undefined][] = [
      ["anonymous", undefined],
      ["member of A", memberClaims(a)],
      ["admin of A", adminClaims(a)],
      ["vendor session replayed on A's host", { ...vendorClaims }],
    ];
    for (const [who, claims] of sessions) {
      const result = await invoke(a.host, claims, path, inputFor(procedure, b));
      if (result.ok) {
        const json = JSON.stringify(result.value);
        for (const marker of markersOf(b)) expect(json, `${who} saw B's ${marker}`).not.toContain(marker);
      }
    }
    expect(await snapshotOf(b)).toEqual(before);
  });

  it.each(procedures)("%s refuses a session of school A presented on school B's host", async (path, procedure) => {
    for (const claims of [memberClaims(a), adminClaims(a)]) {
      const result = await invoke(b.host, claims, path, inputFor(procedure, b));
      if (result.ok) {
        // Only a public procedure may answer, and then with B's public data, never A's.
        expect(JSON.stringify(result.value)).not.toContain(a.memberId);
        expect(JSON.stringify(result.value)).not.toContain(a.adminId);
      } else {
        expect(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "CONFLICT"]).toContain(result.code);
      }
    }
  });

  it.each(procedures)("%s works for its own kind of session (positive control)", async (path, procedure) => {
    const own = await makeTenant(prisma);
    const attempts: [string, SessionClaims | undefined][] = [
      [own.host, undefined],
      [own.host, memberClaims(own)],
      [own.host, adminClaims(own)],
      ["localhost", vendorClaims],
    ];
    const outcomes = await Promise.all(attempts.map(([host, claims]) => invoke(host, claims, path, inputFor(procedure, own))));
    const reached = outcomes.filter((o) => o.ok || !["UNAUTHORIZED", "FORBIDDEN"].includes(o.code));
    expect(reached.length, `no session could use ${path}`).toBeGreaterThan(0);
  });
});

describe("sessions are bound to their host and their live account", () => {
  it("a member session keeps working when strangers lock the account (a lock stops new sign-ins only)", async () => {
    const t = await makeTenant(prisma);
    await prisma.member.update({ where: { id: t.memberId }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    await expect((await callerFor(prisma, t.host, memberClaims(t))).me.profile.get()).resolves.toMatchObject({ account: t.memberAccount });
  });

  it("a member session ends once the account's sessions are ended (sessionVersion bumped)", async () => {
    const t = await makeTenant(prisma);
    await prisma.member.update({ where: { id: t.memberId }, data: { sessionVersion: { increment: 1 } } });
    await expect((await callerFor(prisma, t.host, memberClaims(t))).me.profile.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("an admin session ends when the admin is disabled", async () => {
    const t = await makeTenant(prisma);
    await expect((await callerFor(prisma, t.host, adminClaims(t))).admin.directory.overview()).resolves.toMatchObject({ members: 1 });
    await prisma.tenantAdmin.update({ where: { id: t.adminId }, data: { disabled: true } });
    await expect((await callerFor(prisma, t.host, adminClaims(t))).admin.directory.overview()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("a suspended school answers nothing, not even its public page data", async () => {
    const t = await makeTenant(prisma);
    await expect((await callerFor(prisma, t.host)).school.tenant.current()).resolves.toMatchObject({ slug: t.slug });
    await prisma.tenant.update({ where: { id: t.tenantId }, data: { status: "SUSPENDED" } });
    await expect((await callerFor(prisma, t.host)).school.tenant.current()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the platform audit log's export (a vendor route) answers the vendor on the root host only", async () => {
    const attempts: [string, SessionClaims | undefined][] = [
      [a.host, undefined],
      [a.host, memberClaims(a)],
      [a.host, adminClaims(a)],
      [a.host, { ...vendorClaims }],
      ["localhost", adminClaims(a, "localhost")],
      ["localhost", undefined],
    ];
    for (const [host, claims] of attempts) {
      const answer = await platformAuditExport(
        new Request(`http://${host}/vendor/audit/export`, { headers: await requestHeaders(host, claims) }),
      );
      expect(answer.status, `${host} ${claims?.kind ?? "anonymous"}`).toBeGreaterThanOrEqual(400);
      expect(await answer.text()).not.toContain(b.slug);
    }
    const own = await platformAuditExport(
      new Request("http://localhost/vendor/audit/export", { headers: await requestHeaders("localhost", vendorClaims) }),
    );
    expect(own.status).toBe(200);
  });

  it("the vendor console is refused on a school's host even to a vendor session", async () => {
    await expect((await callerFor(prisma, a.host, vendorClaims)).vendor.tenants.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
