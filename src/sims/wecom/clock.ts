// The simulator's time. Tests move it forward through the control API to expire tokens, OAuth
// codes, join QR links and rate-limit windows without waiting.
import type { SimState } from "./state";

export function now(state: SimState): number {
  return Date.now() + state.clockOffsetMs;
}

export function advanceClock(state: SimState, seconds: number): number {
  state.clockOffsetMs += Math.round(seconds * 1000);
  return now(state);
}

/** Milliseconds to the next midnight in China Standard Time: WeCom's daily limits end at the natural day. */
export function endOfChinaDay(ms: number): number {
  const dayMs = 86_400_000;
  const offset = 8 * 3_600_000;
  return Math.floor((ms + offset) / dayMs) * dayMs + dayMs - offset;
}
