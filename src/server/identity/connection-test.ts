// 【测试连接】 for the school's unified login: each protocol the school signs anyone in with runs
// its own checks (its folder's checks.ts), and the answers are said here in the reader's
// language, in our own words only — never the school's server's text. Rate-limited per school:
// each test calls the school's server a few times.
import type { IdentityProviderKind } from "~/generated/prisma/client";
import { pick } from "~/i18n/locale";
import { bilingualOf, type MessageKey } from "~/i18n/messages";
import { checklist, type Checklist } from "~/server/checks/check";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { tenantOrigin } from "~/server/tenants/public-origin";
import type { CheckDraft } from "./protocol";
import { IDENTITY_PROTOCOLS } from "./protocols";
import { saidBoth } from "./said";

const TITLES: Record<string, MessageKey> = {
  settings: "idpCheck.title.settings",
  ...Object.fromEntries(IDENTITY_PROTOCOLS.flatMap((p) => Object.entries(p.checks?.titles ?? {}))),
};

/** Every id a check may have, for the procedure's output schema. */
export const IDENTITY_CHECK_IDS = Object.keys(TITLES) as [string, ...string[]];

export const IDENTITY_TEST_RATE_LIMIT = { limit: 5, windowSeconds: 60 };

export async function testIdentityConnection(scope: TenantScope, options: { requestHost: string | null }): Promise<Checklist> {
  await enforceRateLimit(unscopedClient(scope), { key: `idp-test:${scope.tenant.id}`, ...IDENTITY_TEST_RATE_LIMIT });
  const stored = await scope.db.identityProviderSettings.findUniqueOrThrow({ where: { tenantId: scope.tenant.id } });
  const origin = await tenantOrigin(scope, options.requestHost);
  const drafts: CheckDraft[] = [];
  // As saved this moment (the scope's tenant context may be a few seconds older).
  const inUse = async (kind: IdentityProviderKind) =>
    stored.kind === kind || (await scope.db.identityKind.count({ where: { providerKind: kind } })) > 0;
  for (const protocol of IDENTITY_PROTOCOLS) {
    if (protocol.checks && (await inUse(protocol.kind))) drafts.push(...(await protocol.checks.run(scope, stored, { origin })));
  }
  if (drafts.length === 0) drafts.push({ id: "settings", status: "passed", detail: saidBoth("idpCheck.builtin") });
  // No check here has steps of its own yet: its detail says what the IT office does.
  const checks = drafts.map((d) => ({
    id: d.id,
    status: d.status,
    title: pick(scope.locale, bilingualOf(TITLES[d.id] ?? "idpCheck.title.settings")),
    detail: pick(scope.locale, d.detail),
    steps: [],
  }));
  // The client id and secret can only be proven by a real sign-in: that warning leaves the test ok.
  const result = checklist(checks, {
    allClear: pick(scope.locale, bilingualOf("idpCheck.allClear")),
    warnings: "informative",
    locale: scope.locale,
  });
  // Remembered for the go-live checklist (go-live.ts).
  await scope.db.identityProviderSettings.update({
    where: { tenantId: scope.tenant.id },
    data: { lastTestAt: new Date(), lastTestOk: result.ok },
  });
  return result;
}
