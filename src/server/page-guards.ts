// Which pages a host may show and who may see them. The admin area lives only
// on a school's host, the vendor console only on the root domain.
import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Actor } from "./auth/session";
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
