// The daily caps count per calendar day in China (UTC+8, no daylight saving), so that
// 「请明天再试」 is true: the count starts again at midnight in Beijing, not 24 hours
// after the first code.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function chinaDay(now: Date): { day: string; secondsLeft: number } {
  const shifted = new Date(now.getTime() + CHINA_OFFSET_MS);
  const day = shifted.toISOString().slice(0, 10).replaceAll("-", "");
  const nextMidnight = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate() + 1);
  return { day, secondsLeft: Math.max(1, Math.ceil((nextMidnight - shifted.getTime()) / 1000)) };
}
