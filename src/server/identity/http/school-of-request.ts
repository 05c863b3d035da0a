// The school of an identity route's request, resolved from its Host as every
// page's is, with the scope its domain functions take and the school's own
// origin for that host (never the Host header copied, tenants/public-origin.ts).
import { randomUUID } from "node:crypto";
import { localeFrom } from "~/server/api/trpc";
import { db } from "~/server/db/client";
import { clientAddress } from "~/server/http/client-address";
import { REQUEST_ID_HEADER } from "~/server/http/request-id";
import { jobQueue } from "~/server/jobs/app-queue";
import { childLogger } from "~/server/log";
import { tenantScope, type TenantScope } from "~/server/scope";
import { tenantOrigin } from "~/server/tenants/public-origin";
import { normaliseHost } from "~/server/tenants/resolve-host";
import { resolveTenantForHost } from "~/server/tenants/tenant-for-host";

export type SchoolRequest = { scope: TenantScope; host: string; origin: string };

export async function schoolOfRequest(request: Pick<Request, "headers">, component: string): Promise<SchoolRequest | null> {
  const resolution = await resolveTenantForHost(db(), request.headers.get("host"));
  const host = normaliseHost(request.headers.get("host"));
  if (resolution.kind !== "tenant" || !host) return null;
  const scope = tenantScope({
    prisma: db(),
    tenant: resolution.tenant,
    jobs: jobQueue(),
    actor: { kind: "anonymous", ip: clientAddress(request.headers) },
    locale: localeFrom(request.headers),
    log: childLogger({ requestId: request.headers.get(REQUEST_ID_HEADER) ?? randomUUID(), tenant: resolution.tenant.slug }).child({
      component,
    }),
  });
  return { scope, host, origin: await tenantOrigin(scope, host) };
}

/** A redirect of ours, never cached, with no Referer: a callback's URL carries a ticket or code (reference §3.7). */
export function redirectTo(location: string, cookies: string[] = [], status = 303): Response {
  const headers = new Headers({ location, "cache-control": "no-store", "referrer-policy": "no-referrer" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status, headers });
}

export const plainText = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
