// Where the WeCom API lives is the platform's choice, not a school's (security
// review H1): the real qyapi.weixin.qq.com always, and the bundled simulator
// only when the operator names it in WECOM_SIMULATOR_URL (npm start's demo mode
// and the test wiring do). A school admin picks from this list; anything else
// is refused when saved and again when used (an old row keeps no power).

import { bareOrigin } from "./bare-origin";

export { bareOrigin };

export const WECOM_API_BASE_URL = "https://qyapi.weixin.qq.com";

/**
 * The simulator the operator configured. Read from the environment at each use
 * (src/env.mjs has already refused a malformed value at start), so a test can
 * point it at the simulator it just started.
 */
export function wecomSimulatorUrl(): string | null {
  const value = process.env.WECOM_SIMULATOR_URL;
  return value ? bareOrigin(value) : null;
}

export type WecomBaseUrlChoice = { value: string; simulator: boolean };

export function wecomBaseUrlChoices(): WecomBaseUrlChoice[] {
  const simulator = wecomSimulatorUrl();
  return [
    { value: WECOM_API_BASE_URL, simulator: false },
    ...(simulator && simulator !== WECOM_API_BASE_URL ? [{ value: simulator, simulator: true }] : []),
  ];
}

export function isAllowedWecomBaseUrl(value: string): boolean {
  return wecomBaseUrlChoices().some((choice) => choice.value === value);
}
