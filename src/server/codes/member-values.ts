// A member's budget of distinct phones and e-mail addresses a day: those the member had codes
// sent to, and those the bind page judged for them. A student binds one phone (their own, perhaps
// mistyped once or twice), so a handful is plenty; past it, a new value is refused whatever it
// is, before anything is said about it. Without this, the bind page's refusals
// (「手机号码已存在」, 「手机号已绑定其他账号」) would tell any member, phone by phone, who is in the
// school's directory (personal information under PIPL), and codes could be sent to any number of
// fresh numbers (SMS pumping). A value tried again the same day costs nothing: it tells nothing new.
import { encryptionKey } from "~/server/crypto/keys";
import { AppError } from "~/server/errors";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { consumeRateLimit } from "~/server/security/rate-limit";
import { chinaDay } from "./china-day";
import { destinationTag } from "./code-hash";

export const MEMBER_VALUES_PER_DAY = 5;

type Raw = Parameters<typeof consumeRateLimit>[0];

/** Counts the value (by its keyed tag) in the member's day, inside the caller's transaction; refuses past the budget. */
export async function countMemberValueIn(
  tx: Raw,
  at: { tenantId: string; memberId: string; tag: string; day: string; secondsLeft: number },
): Promise<void> {
  const windowSeconds = at.secondsLeft;
  const seen = await consumeRateLimit(
    tx,
    { key: `codes:day:${at.day}:seen:${at.tenantId}:${at.memberId}:${at.tag}`, limit: 1_000_000, windowSeconds },
    { prune: false },
  );
  if (seen.hits > 1) return;
  const values = await consumeRateLimit(
    tx,
    { key: `codes:day:${at.day}:values:${at.tenantId}:${at.memberId}`, limit: MEMBER_VALUES_PER_DAY, windowSeconds },
    { prune: false },
  );
  if (!values.allowed) throw new AppError("MEMBER_DAILY_VALUES_LIMIT", { limit: MEMBER_VALUES_PER_DAY });
}

/** Counts `value` (a phone in E.164 or a lower-case address) against the member's budget of the day. */
export async function countMemberValue(scope: TenantScope, memberId: string, value: string): Promise<void> {
  const { day, secondsLeft } = chinaDay(new Date());
  const tag = destinationTag(encryptionKey(), scope.tenant.id, value);
  await unscopedClient(scope).$transaction((tx) => countMemberValueIn(tx, { tenantId: scope.tenant.id, memberId, tag, day, secondsLeft }));
}
