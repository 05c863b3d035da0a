// Which pages a host may show and who may see them. The admin area lives only
// on a school's host, the vendor console only on the root domain.
import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import type { Actor } from "./auth/actors";
import { vendorAddressAllowed } from "./auth/vendor-access";
import { requestContext } from "./request";

export async function requireTenantHost() {
  const ctx = await requestContext();
  if (ctx.resolution.kind !== "tenant") notFound();
  return { ctx, tenant: ctx.resolution.tenant };
}

export async function requireRootHost() {
  const ctx = await requestContext();
  if (ctx.resolution.kind !== "root") notFound();
  return { ctx };
}

/** The page's signed-in account; a member who must change the password is sent to do that first. */
export async function requireActor<K extends Actor["kind"]>(
  kind: K,
  loginPath: string,
  options: { passwordChangePage?: boolean } = {},
): Promise<Extract<Actor, { kind: K }>> {
  const ctx = await requestContext();
  const actor = ctx.actor;
  if (!actor || actor.kind !== kind) redirect(loginPath);
  if (actor.kind === "member" && actor.mustChangePassword && !options.passwordChangePage) redirect("/change-password");
  return actor as Extract<Actor, { kind: K }>;
}

/** The vendor console's pages: the root domain, and only from VENDOR_ALLOWED_ADDRESSES (else 403). */
export async function requireVendorHost() {
  const { ctx } = await requireRootHost();
  if (!vendorAddressAllowed(ctx.ip)) forbidden();
  return { ctx };
}

/** A signed-in vendor; until the second factor is enrolled, only the enrolment page opens. */
export async function requireVendor(options: { enrolled: boolean }): Promise<Extract<Actor, { kind: "vendor" }>> {
  const { ctx } = await requireVendorHost();
  const actor = ctx.actor;
  if (actor?.kind !== "vendor") redirect("/vendor/login");
  if (options.enrolled && !actor.secondFactor) redirect("/vendor/enrol");
  return actor;
}

/**
 * The school of a page inside app/(school), whose layout resolved it: read from
 * the request's context (the check only narrows the type; it cannot fail there).
 */
export async function currentSchool() {
  const ctx = await requestContext();
  if (ctx.resolution.kind !== "tenant") notFound();
  return ctx.resolution.tenant;
}

/** The signed-in account of a page whose area layout guarded it for `kind`. */
export async function currentActor<K extends Actor["kind"]>(kind: K): Promise<Extract<Actor, { kind: K }>> {
  const actor = (await requestContext()).actor;
  if (actor?.kind !== kind) notFound();
  return actor as Extract<Actor, { kind: K }>;
}
