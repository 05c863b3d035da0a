// When a member last signed in (built-in, CAS or OIDC): the directory's "not signed in" filter and the
// member page read it. Written beside the sign-in's audit row.
import type { TenantScope } from "~/server/scope";

export async function recordMemberSignIn(scope: TenantScope, memberId: string): Promise<void> {
  await scope.db.member.updateMany({ where: { id: memberId }, data: { lastSignInAt: new Date() } });
}
