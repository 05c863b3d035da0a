// The follow page's 「通常只需几秒钟」 is true for a minute: past that, it says the write is slow and
// links to 自助排查 (issue 18 §2). Pure, so the switch has a unit test.

/** The write into WeCom usually lands in seconds; past this the follow page says it is slow. */
export const SYNC_SLOW_MS = 60_000;

/** How long until the wait counts as slow (≤ 0: already slow); null when no write is awaited. */
export function syncSlowIn(syncingSince: Date | null, now: Date): number | null {
  return syncingSince ? syncingSince.getTime() + SYNC_SLOW_MS - now.getTime() : null;
}
