// How often a code may be sent, and to whom: every limit is a PostgreSQL counter (RateLimit)
// upserted in one transaction, so every instance sees the same numbers, of two requests at once
// only one passes a limit, and a request a later limit refuses leaves the earlier ones unchanged.
//
// Who may spend whose limit (issue 15):
// - The resend interval and the daily cap of a phone are keyed by the destination AND the member
//   who asks (or "anonymous" before sign-in). Keyed by the phone alone, member A could keep B's
//   new phone in its resend window, or spend its day's codes, and B could not bind it. Keyed by
//   both, nobody else's requests ever block the member binding the phone.
// - What stops the phone being flooded is then who may ask at all: a member has a budget of
//   MEMBER_VALUES_PER_DAY distinct phones or addresses a day (a student binds one phone: their
//   own, perhaps mistyped once or twice), each with the school's daily cap per destination and
//   its resend interval. One member sends a stranger's phone at most dailyCapPerDestination
//   codes a day, spread over resend intervals; more takes more of the school's sign-in accounts,
//   each of which then has fewer phones left, and all of it comes out of the school's budget.
//   On the bind page, a phone the directory holds for someone is never sent a code for another
//   member at all: the binding rules refuse it first (bindings/binding-rules.ts).
// - The address cap is sized for a campus NAT (a whole dormitory, or 2,000 freshmen scanning one
//   poster behind one public address), counts an IPv6 /64 as one client, and is the main brake
//   only on codes asked before sign-in.
// - The school's budget and the platform's (every school together) are the ceilings on the SMS
//   bill whatever the other limits allow: SMS pumping through many accounts or addresses stops
//   there. The consoles warn at half (budgets.ts).
import { serverEnv } from "~/env";
import { AppError } from "~/server/errors";
import { addressKey } from "~/server/http/address-key";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { consumeRateLimit, pruneRateLimits } from "~/server/security/rate-limit";
import { chinaDay } from "./china-day";
import { platformBudgetKey, schoolBudgetKey } from "./budgets";
import { countMemberValueIn } from "./member-values";
import type { CodePolicy } from "./policy";
import type { CodePurpose } from "./purposes";

type Tx = Parameters<Parameters<ReturnType<typeof unscopedClient>["$transaction"]>[0]>[0];

export type Send = { purpose: CodePurpose; tag: string; memberId: string | null; ip: string | null };

/**
 * Counts this send against every limit, all or nothing. Always taken in the same order (resend,
 * destination, member, address, school, platform), so two transactions never wait on each other.
 */
export async function countSend(
  scope: TenantScope,
  policy: CodePolicy,
  send: Send,
  platformBudget: number = serverEnv().CODES_PLATFORM_DAILY_BUDGET,
): Promise<void> {
  const tenantId = scope.tenant.id;
  const { day, secondsLeft } = chinaDay(new Date());
  const asker = send.memberId ?? "anonymous";
  const prisma = unscopedClient(scope);
  const daily = (tx: Tx, key: string, limit: number) => consumeRateLimit(tx, { key, limit, windowSeconds: secondsLeft }, { prune: false });
  await prisma.$transaction(async (tx) => {
    const resend = await consumeRateLimit(
      tx,
      { key: `codes:resend:${tenantId}:${send.purpose}:${send.tag}:${asker}`, limit: 1, windowSeconds: policy.resendSeconds },
      { prune: false },
    );
    if (!resend.allowed) throw new AppError("CODE_RESEND_TOO_SOON", { seconds: resend.retryAfterSeconds });
    const perDestination = await daily(tx, `codes:day:${day}:to:${tenantId}:${send.tag}:${asker}`, policy.dailyCapPerDestination);
    if (!perDestination.allowed) throw new AppError("CODE_DAILY_LIMIT");
    if (send.memberId) await countMemberValueIn(tx, { tenantId, memberId: send.memberId, tag: send.tag, day, secondsLeft });
    // An unknown address shares one bucket: failing closed costs a misconfigured proxy its codes, not the platform its SMS bill.
    const perAddress = await daily(tx, `codes:day:${day}:ip:${tenantId}:${addressKey(send.ip)}`, policy.dailyCapPerAddress);
    if (!perAddress.allowed) throw new AppError("CODE_ADDRESS_DAILY_LIMIT");
    const school = await daily(tx, schoolBudgetKey(tenantId, day), policy.dailyBudget);
    if (!school.allowed) throw new AppError("CODE_SCHOOL_BUDGET_SPENT");
    const platform = await daily(tx, platformBudgetKey(day), platformBudget);
    if (!platform.allowed) throw new AppError("CODE_PLATFORM_BUDGET_SPENT");
  });
  if (Math.random() < 0.01) await pruneRateLimits(prisma);
}
