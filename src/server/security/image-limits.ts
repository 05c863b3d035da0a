// The image routes (a school's registration QR as PNG and SVG, the follow page's WeCom join QR)
// answer anyone who has the school's address, without signing in. Drawing a QR code is CPU work on
// the event loop (~60 ms at 480 px, ~110 ms at 1200 px): unchecked, a dozen parallel requests would
// stall every school on the instance for seconds, long enough for a CAS ticket (10 s) to die. So
// each image is made once and memoised (bounded-memo.ts), and the work that is not memoised is
// limited per client address (the routes' refusal: http/answers.ts imageRefusal): the memo makes a campus NAT's hundreds of students loading the join
// page one draw, so the limit counts only the requests that do work.
import { addressKey } from "~/server/http/address-key";
import { enforceRateLimit, type RateLimitRule } from "./rate-limit";
import type { BoundedMemo } from "./bounded-memo";

/**
 * Images made (not served from the memo) per client address (an IPv6 client's /64) a minute. A school's
 * images are few (the registration QR at two sizes and as SVG, the join QR): one address needs at most
 * four of them from each app instance, and the memo serves every later request. 30 leaves room for a NAT
 * whose users belong to several schools and for instances starting cold, and stops a client that would
 * make the platform draw for it all day.
 */
export const IMAGE_WORK_LIMIT = { limit: 30, windowSeconds: 60 };

type Raw = Parameters<typeof enforceRateLimit>[0];

/** The counter of a client's image work: one per IPv4 address or IPv6 /64. */
export function imageWorkRule(client: string | null): RateLimitRule {
  return { key: `image:${addressKey(client)}`, ...IMAGE_WORK_LIMIT };
}

/**
 * The memoised value of `key`, or the value `make` makes once the client's address is within
 * IMAGE_WORK_LIMIT. Throws RATE_LIMITED (with the seconds to wait) past the limit.
 */
export async function memoisedImage<V>(
  prisma: Raw,
  client: string | null,
  memo: BoundedMemo<V>,
  key: string,
  make: () => Promise<V>,
): Promise<V> {
  const memoised = memo.get(key);
  if (memoised) return memoised;
  await enforceRateLimit(prisma, imageWorkRule(client));
  return memo.fill(key, make);
}
