// A school's custom host names in the vendor console: a name is refused unless it is one a school
// can own, is one school's only, answers as that school at once, and 【检查解析】 asks DNS — here a
// real DNS server on loopback (DNS_SERVERS) — whether the name reaches the platform by its CNAME or
// by the platform host's addresses, keeping what it found.
import dns2 from "dns2";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionClaims } from "~/server/auth/session-user";
import { resolveTenantForHost } from "~/server/tenants/tenant-for-host";
import { callerFor, makeTenant, makeVendor, testPrisma, unique } from "./support";

// Read once by serverEnv(), which this file's modules have not called yet.
const dnsPort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  process.env.DNS_SERVERS = `127.0.0.1:${port}`;
  return port;
});

const { Packet } = dns2;
type Resource = InstanceType<typeof Packet>["answers"][number];
/** An answer record as dns2's encoder takes it (its types also ask for the methods the encoder adds itself). */
const record = (fields: Record<string, unknown>) => fields as unknown as Resource;
/** The zone the test's DNS server answers: name → CNAME target or addresses; anything else NXDOMAIN. */
const zone = new Map<string, { cname?: string; a?: string[] }>();
const server = dns2.createServer({
  udp: true,
  handle: (request, send) => {
    const response = Packet.createResponseFromRequest(request);
    const [question] = request.questions;
    const entry = question ? zone.get(question.name.toLowerCase()) : undefined;
    if (!question || !entry) response.header.rcode = 3;
    else if (entry.cname && question.type === Packet.TYPE.CNAME)
      response.answers.push(record({ name: question.name, type: Packet.TYPE.CNAME, class: Packet.CLASS.IN, ttl: 60, domain: entry.cname }));
    else if (entry.a && question.type === Packet.TYPE.A)
      for (const address of entry.a)
        response.answers.push(record({ name: question.name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: 60, address }));
    void send(response);
  },
});

const prisma = testPrisma();
let vendor: SessionClaims;
beforeAll(async () => {
  await server.listen({ udp: { port: dnsPort, address: "127.0.0.1" } });
  const v = await makeVendor(prisma);
  vendor = { sub: v.id, kind: "vendor", tenantId: null, host: "localhost", ver: 0 };
});
afterAll(async () => {
  await server.close();
  await prisma.$disconnect();
});

describe("a school's custom domains", () => {
  it("refuses names a school cannot own, records one for one school only, and answers as that school on it", async () => {
    const t = await makeTenant(prisma);
    const other = await makeTenant(prisma);
    const api = await callerFor(prisma, "localhost", vendor);
    for (const bad of ["wx", "203.0.113.9", "wx.school.local", `${t.slug}.localhost`, "-bad-.edu.cn", "a b.edu.cn"])
      await expect(api.vendor.domains.add({ tenantId: t.tenantId, domain: bad }), bad).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const domain = `${unique("wx")}.edu.cn`;
    const added = await api.vendor.domains.add({ tenantId: t.tenantId, domain: ` ${domain.toUpperCase()}. ` });
    expect(added).toMatchObject({ domain, target: `${t.slug}.localhost`, checkedAt: null });
    await expect(api.vendor.domains.add({ tenantId: other.tenantId, domain })).rejects.toMatchObject({ code: "CONFLICT" });
    const resolved = await resolveTenantForHost(prisma, domain);
    expect(resolved.kind === "tenant" && resolved.tenant.slug).toBe(t.slug);
    expect(await prisma.auditLog.count({ where: { tenantId: t.tenantId, action: "tenant.domain.add", target: domain } })).toBe(1);

    await api.vendor.domains.remove({ tenantId: t.tenantId, domain });
    expect((await resolveTenantForHost(prisma, domain)).kind).not.toBe("tenant");
  });

  it("passes a name whose CNAME is the school's platform host, or whose addresses are the platform host's, and says what a wrong one has", async () => {
    const t = await makeTenant(prisma);
    const api = await callerFor(prisma, "localhost", vendor);
    const [byCname, apex, wrong, missing] = ["wx", "apex", "wrong", "missing"].map((n) => `${n}.${unique("d")}.edu.cn`) as [
      string,
      string,
      string,
      string,
    ];
    zone.set(byCname, { cname: `${t.slug}.localhost` });
    zone.set(`${t.slug}.localhost`, { a: ["203.0.113.80"] });
    zone.set(apex, { a: ["203.0.113.80"] });
    zone.set(wrong, { cname: "cdn.elsewhere.example.com" });
    for (const domain of [byCname, apex, wrong, missing]) await api.vendor.domains.add({ tenantId: t.tenantId, domain });

    expect(await api.vendor.domains.check({ tenantId: t.tenantId, domain: byCname })).toMatchObject({
      checkOk: true,
      checkFound: `CNAME ${t.slug}.localhost`,
    });
    expect(await api.vendor.domains.check({ tenantId: t.tenantId, domain: apex })).toMatchObject({
      checkOk: true,
      checkFound: "A/AAAA 203.0.113.80",
    });
    expect(await api.vendor.domains.check({ tenantId: t.tenantId, domain: wrong })).toMatchObject({
      checkOk: false,
      checkFound: "CNAME cdn.elsewhere.example.com",
    });
    expect(await api.vendor.domains.check({ tenantId: t.tenantId, domain: missing })).toMatchObject({ checkOk: false, checkFound: "—" });
    // The answers are kept for the console.
    const listed = await api.vendor.domains.list({ tenantId: t.tenantId });
    expect(listed.find((d) => d.domain === apex)).toMatchObject({ checkOk: true });
    expect(listed.find((d) => d.domain === apex)?.checkedAt).toBeInstanceOf(Date);
    // A school's admin cannot reach the vendor's procedures.
    const admin = await callerFor(prisma, t.host, { sub: t.adminId, kind: "tenantAdmin", tenantId: t.tenantId, host: t.host, ver: 0 });
    await expect(admin.vendor.domains.list({ tenantId: t.tenantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
