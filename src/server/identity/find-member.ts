// A member of this school by the account the person typed or the school's
// server named: accounts compare without case (a unique index on lower(account),
// and WeCom userids ignore case), so 2024001a and 2024001A are one account.
import type { TenantScope } from "~/server/scope";
import { unscopedClient } from "~/server/scope";

export async function memberIdByAccount(scope: TenantScope, account: string): Promise<string | null> {
  // lower() is an expression Prisma cannot filter on; the query names the school itself.
  const [match] = await unscopedClient(scope).$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM "Member" WHERE "tenantId" = $1::uuid AND lower(account) = lower($2)`,
    scope.tenant.id,
    account,
  );
  return match?.id ?? null;
}
