// Route handlers reach the school's scope the way tRPC's procedures do (src/server/http/route-scope.ts):
// the host's school only, the same refusals with the same codes, and every error answered as its
// catalogue entry says — never with a stack trace.
import { afterAll, describe, expect, it } from "vitest";
import { GET as followStatus } from "~/app/(school)/(member)/follow/status/route";
import { AppError } from "~/server/errors";
import { adminRoute, schoolRoute } from "~/server/http/route-scope";
import { adminClaims, callerFor, makeTenant, memberClaims, sessionCookie, testPrisma } from "./support";
import type { SessionClaims } from "~/server/auth/session-user";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

async function get(route: (request: Request) => Promise<Response>, host: string, claims?: SessionClaims, cookie = "") {
  const session = claims ? await sessionCookie(claims) : "";
  const headers = new Headers({ host, cookie: [session, cookie].filter(Boolean).join("; ") });
  return route(new Request(`http://${host}/probe`, { headers }));
}

describe("a route on school A's host", () => {
  it("answers A's member, and refuses B's member's session sent to A's host as a procedure would (401)", async () => {
    const [a, b] = [await makeTenant(prisma), await makeTenant(prisma)];
    const own = await get(followStatus, a.host, memberClaims(a));
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ step: "bind" });
    const foreign = await get(followStatus, a.host, memberClaims(b, a.host));
    expect(foreign.status).toBe(401);
    expect(await foreign.json()).toMatchObject({ error: "UNAUTHENTICATED" });
    // The procedure behind the same page refuses the same session with the same code.
    await expect((await callerFor(prisma, a.host, memberClaims(b, a.host))).me.journey.state()).rejects.toMatchObject({
      cause: { code: "UNAUTHENTICATED" },
    });
  });

  it("sees only A's rows, and B's member's session acts there as nobody", async () => {
    const [a, b] = [await makeTenant(prisma), await makeTenant(prisma)];
    const route = schoolRoute({ component: "probe" }, async ({ scope }) => {
      const members = await scope.db.member.findMany({ where: { id: { in: [a.memberId, b.memberId] } }, select: { id: true } });
      return Response.json({ tenant: scope.tenant.id, actor: scope.actor.kind, members: members.map((m) => m.id) });
    });
    expect(await (await get(route, a.host, memberClaims(a))).json()).toEqual({
      tenant: a.tenantId,
      actor: "member",
      members: [a.memberId],
    });
    expect(await (await get(route, a.host, memberClaims(b, a.host))).json()).toEqual({
      tenant: a.tenantId,
      actor: "anonymous",
      members: [a.memberId],
    });
  });
});

describe("adminRoute", () => {
  it("refuses a helpdesk an admin-only permission with the procedures' code and message", async () => {
    const t = await makeTenant(prisma);
    await prisma.tenantAdmin.update({ where: { id: t.adminId }, data: { role: "HELPDESK" } });
    const route = adminRoute("settings.manage", { component: "probe" }, () => Response.json({ settings: "the school's" }));
    const refused = await get(route, t.host, adminClaims(t));
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { error: string; message: string };
    expect(body.error).toBe("PERMISSION_REQUIRED");
    expect(body.message).toContain("修改学校设置");
    await expect((await callerFor(prisma, t.host, adminClaims(t))).admin.settings.get()).rejects.toMatchObject({
      cause: { code: "PERMISSION_REQUIRED" },
    });
    // The helpdesk's own permissions pass; an admin passes the admin-only one.
    const allowed = adminRoute("wecom.read", { component: "probe" }, () => Response.json({ ok: true }));
    expect((await get(allowed, t.host, adminClaims(t))).status).toBe(200);
    await prisma.tenantAdmin.update({ where: { id: t.adminId }, data: { role: "ADMIN" } });
    expect((await get(route, t.host, adminClaims(t))).status).toBe(200);
  });
});

describe("a route's errors", () => {
  it("answer an AppError with its catalogue status and message in the request's language", async () => {
    const t = await makeTenant(prisma);
    const route = schoolRoute({ component: "probe" }, () => {
      throw new AppError("RATE_LIMITED", { seconds: 7 });
    });
    const answer = await get(route, t.host, undefined, "locale=en");
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("7");
    expect(await answer.json()).toEqual({ error: "RATE_LIMITED", message: new AppError("RATE_LIMITED", { seconds: 7 }).messageIn("en") });
  });

  it("answer anything else as INTERNAL (500) with the catalogue's words and no stack trace", async () => {
    const t = await makeTenant(prisma);
    const route = schoolRoute({ component: "probe", refusal: "text" }, () => {
      throw new Error("connection string postgres://user:hunter2@db");
    });
    const answer = await get(route, t.host);
    expect(answer.status).toBe(500);
    const text = await answer.text();
    expect(text).toBe(new AppError("INTERNAL").messageIn("zh-CN"));
    expect(text).not.toContain("hunter2");
    expect(text).not.toMatch(/\bat .+:\d+/);
  });

  it("answer a host that names no school 404, with no body for an image", async () => {
    const route = schoolRoute({ component: "probe", refusal: "empty" }, () => new Response("never"));
    const answer = await get(route, "no-such-school-anywhere.localhost");
    expect(answer.status).toBe(404);
    expect(await answer.text()).toBe("");
  });
});
