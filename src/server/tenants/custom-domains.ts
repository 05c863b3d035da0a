// A school's own host names (wx.xawl.edu.cn): the operator records one for a school, the console
// shows the DNS record the school's network office must add (a CNAME to the school's platform host),
// and 【检查解析】 asks DNS whether the name now reaches the platform — by that CNAME, or, for a name
// that cannot carry one (a zone's apex), by A/AAAA records to the same addresses as the platform
// host. The result is kept on the row. Only DNS is asked: no connection is made to the name, so
// a name the operator types never makes the platform call an address of its choosing.
// A recorded name answers as the school at once (tenant-for-host.ts): a name that does not point
// here never brings a request, so there is nothing to hold back until the check passes.
import { Resolver } from "node:dns/promises";
import { z } from "zod";
import { serverEnv } from "~/env";
import { audit } from "~/server/audit/audit";
import { AppError, fromUniqueViolation } from "~/server/errors";
import { isAddressLiteral } from "~/server/identity/outbound/public-address";
import { auditActor, type PlatformScope } from "~/server/scope";
import { vendorSchoolScope } from "./vendor-school";

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A host name a school can own: two labels or more, no address literal, no name that is local by convention or the platform's own. */
export function customDomainProblem(domain: string, platformDomain: string): string | null {
  const labels = domain.split(".");
  if (domain.length > 253 || labels.length < 2 || !labels.every((l) => LABEL.test(l))) return "not a host name, e.g. wx.school.edu.cn";
  if (isAddressLiteral(domain)) return "an address, not a name";
  if (/(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain|corp)$/.test(domain)) return "a local name";
  if (domain === platformDomain || domain.endsWith(`.${platformDomain}`)) return "already the platform's";
  return null;
}

export const customDomainInput = z.object({
  tenantId: z.uuid(),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .transform((d) => d.replace(/\.$/, ""))
    .superRefine((d, ctx) => {
      const problem = customDomainProblem(d, serverEnv().PLATFORM_DOMAIN);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});
export const customDomainTarget = z.object({ tenantId: z.uuid(), domain: z.string().trim().toLowerCase().max(253) });

export const customDomainOutput = z.object({
  domain: z.string(),
  /** The record to add in the school's DNS: `domain CNAME target`. */
  target: z.string(),
  checkedAt: z.date().nullable(),
  checkOk: z.boolean().nullable(),
  checkFound: z.string().nullable(),
});
export type CustomDomain = z.infer<typeof customDomainOutput>;

const domainSelect = { domain: true, checkedAt: true, checkOk: true, checkFound: true } as const;

/** The school's platform host, which a custom name points at. */
const targetOf = (slug: string) => `${slug}.${serverEnv().PLATFORM_DOMAIN}`;

export async function listCustomDomains(platform: PlatformScope, tenantId: string): Promise<CustomDomain[]> {
  const scope = await vendorSchoolScope(platform, tenantId);
  const rows = await scope.db.tenantDomain.findMany({ select: domainSelect, orderBy: { domain: "asc" } });
  return rows.map((row) => ({ ...row, target: targetOf(scope.tenant.slug) }));
}

export async function addCustomDomain(platform: PlatformScope, input: z.infer<typeof customDomainInput>): Promise<CustomDomain> {
  const scope = await vendorSchoolScope(platform, input.tenantId);
  try {
    return await scope.db.$transaction(async (tx) => {
      const row = await tx.tenantDomain.create({ data: { tenantId: scope.tenant.id, domain: input.domain }, select: domainSelect });
      await audit(tx, { ...auditActor(platform.actor), action: "tenant.domain.add", target: input.domain });
      return { ...row, target: targetOf(scope.tenant.slug) };
    });
  } catch (error) {
    // Unique across the platform: a name can be one school's only.
    throw fromUniqueViolation(error, { domain: { zh: input.domain, en: input.domain } }, platform.locale) ?? error;
  }
}

export async function removeCustomDomain(platform: PlatformScope, input: z.infer<typeof customDomainTarget>): Promise<{ domain: string }> {
  const scope = await vendorSchoolScope(platform, input.tenantId);
  return scope.db.$transaction(async (tx) => {
    const { count } = await tx.tenantDomain.deleteMany({ where: { domain: input.domain } });
    if (count === 0) throw new AppError("NOT_FOUND");
    await audit(tx, { ...auditActor(platform.actor), action: "tenant.domain.remove", target: input.domain });
    return { domain: input.domain };
  });
}

/** A resolver with a short patience; DNS_SERVERS (host[:port], comma-separated) names the servers to ask instead of the system's. */
function resolver(): Resolver {
  const r = new Resolver({ timeout: 3000, tries: 2 });
  const servers = serverEnv().DNS_SERVERS;
  if (servers.length > 0) r.setServers(servers);
  return r;
}

const bare = (name: string) => name.toLowerCase().replace(/\.$/, "");

/** What DNS answers for `name`: its CNAME, or its addresses; an error code (ENOTFOUND, ENODATA …) as none. */
async function answersFor(r: Resolver, name: string): Promise<{ cname: string[]; addresses: string[] }> {
  const quiet = <T>(work: Promise<T[]>) => work.catch(() => [] as T[]);
  const [cname, v4, v6] = await Promise.all([quiet(r.resolveCname(name)), quiet(r.resolve4(name)), quiet(r.resolve6(name))]);
  return { cname: cname.map(bare), addresses: [...v4, ...v6] };
}

/** Asks DNS whether the name reaches the platform; keeps and returns the answer. */
export async function checkCustomDomain(platform: PlatformScope, input: z.infer<typeof customDomainTarget>): Promise<CustomDomain> {
  const scope = await vendorSchoolScope(platform, input.tenantId);
  const row = await scope.db.tenantDomain.findFirst({ where: { domain: input.domain }, select: { id: true } });
  if (!row) throw new AppError("NOT_FOUND");
  const target = targetOf(scope.tenant.slug);
  const r = resolver();
  const [name, platformHost] = await Promise.all([answersFor(r, input.domain), answersFor(r, target)]);
  const byCname = name.cname.includes(target);
  const byAddress = name.addresses.length > 0 && name.addresses.some((a) => platformHost.addresses.includes(a));
  const found = name.cname.length ? `CNAME ${name.cname.join(", ")}` : name.addresses.length ? `A/AAAA ${name.addresses.join(", ")}` : "—";
  const saved = await scope.db.tenantDomain.update({
    where: { id: row.id },
    data: { checkedAt: new Date(), checkOk: byCname || byAddress, checkFound: found.slice(0, 500) },
    select: domainSelect,
  });
  await audit(scope.db, {
    ...auditActor(platform.actor),
    action: "tenant.domain.check",
    target: input.domain,
    detail: { ok: saved.checkOk, found },
  });
  return { ...saved, target };
}
