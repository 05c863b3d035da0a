// A member's session claims, once the school's identity provider vouches for
// them: the one bridge from identity (who the school says this is) to a
// session (what this browser may do, on this host only).
import type { PrismaClient } from "~/generated/prisma/client";
import type { BuiltinProof } from "~/server/identity/builtin/protocol";
import { identityProtocolOf } from "~/server/identity/protocols";
import { jobQueue } from "~/server/jobs/app-queue";
import { tenantScope } from "~/server/scope";
import type { TenantContext } from "~/server/tenants/tenant-context";
import type { SessionClaims } from "./session-user";

/** 统一身份认证 with the school's built-in directory: 学号 / 工号 / 考生号 and password, under its lockout policy. */
export async function signInMember(
  prisma: PrismaClient,
  tenant: TenantContext,
  attempt: BuiltinProof & { host: string; ip: string | null },
): Promise<SessionClaims> {
  const scope = tenantScope({ prisma, tenant, jobs: jobQueue(), actor: { kind: "anonymous", ip: attempt.ip } });
  const member = await (
    await identityProtocolOf(scope, "BUILTIN")
  ).finish(scope, { identifier: attempt.identifier, password: attempt.password });
  return { sub: member.id, kind: "member", tenantId: tenant.id, host: attempt.host, ver: member.sessionVersion };
}
