import { redirectTo } from "~/server/http/answers";
import { refusalQuery } from "~/server/http/refusal-query";
import type { RouteOptions } from "~/server/http/route-scope";

/** Both posts of 忘记密码: logged as one component; a refusal not said on the code's page starts over at the first form. */
export const FORGOT_ROUTE: RouteOptions = {
  component: "forgot-password",
  refusal: (error) => redirectTo(`/forgot-password?${refusalQuery(error)}`),
};

/** Each post reads a few fields of well under a kilobyte (an account, a phone or address, a ticket, a code, passwords). */
export const MAX_FORM_BYTES = 8 * 1024;

/** The code's page of 忘记密码 for a ticket, with what the address carries besides (a refusal, the code's minutes). */
export function resetPagePath(ticket: string, extra: URLSearchParams | Record<string, number>): string {
  const query = new URLSearchParams({ t: ticket });
  const more = extra instanceof URLSearchParams ? extra : new URLSearchParams(Object.entries(extra).map(([k, v]) => [k, String(v)]));
  for (const [name, value] of more) query.set(name, value);
  return `/forgot-password/reset?${query.toString()}`;
}
