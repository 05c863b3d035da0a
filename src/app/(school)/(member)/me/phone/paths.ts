import { redirectTo } from "~/server/http/answers";
import { refusalQuery } from "~/server/http/refusal-query";
import type { RouteOptions } from "~/server/http/route-scope";

/** The new phone's form (`new=1`: even while a code waits) or the code's form, with a refusal to say. */
export function phonePagePath(step: "phone" | "code", extra?: URLSearchParams): string {
  const query = new URLSearchParams(step === "phone" ? { new: "1" } : {});
  for (const [name, value] of extra ?? []) query.set(name, value);
  const text = query.toString();
  return text ? `/me/phone?${text}` : "/me/phone";
}

/** Both posts of 更换手机号: one log component; a refusal not said where it happened is said on the code's form. */
export const PHONE_ROUTE: RouteOptions = {
  component: "change-phone",
  refusal: (error) => redirectTo(error.code === "UNAUTHENTICATED" ? "/login" : phonePagePath("code", refusalQuery(error))),
};

/** Each post reads a field or two of a few bytes (a phone, a code, a flag). */
export const MAX_FORM_BYTES = 2 * 1024;
