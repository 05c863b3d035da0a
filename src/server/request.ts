// Per-request access for server components and server actions: the context
// built from the request's headers and a tRPC caller over it, made once per request.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { translator } from "~/i18n/messages";
import { createCaller } from "./api/root";
import { createContext } from "./api/trpc";
import { fieldErrorsOf, toAppError } from "./errors";
import { rootLogger } from "./log";
import type { Locale } from "~/i18n/locale";

export const requestContext = cache(async () => createContext({ headers: await headers() }));

export const serverApi = cache(async () => createCaller(await requestContext()));

export async function requestLocale() {
  const ctx = await requestContext();
  return { locale: ctx.locale, t: translator(ctx.locale) };
}

export type ActionResult =
  { ok: true; message?: string } | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> };

/** A procedure's failure as a form shows it: a message in the user's language and the fields at fault. */
export function actionFailure(error: unknown, locale: Locale): ActionResult {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") rootLogger().error({ err: error, component: "form-action" }, "form action failed");
  return { ok: false, message: appError.messageIn(locale), fieldErrors: fieldErrorsOf(error) };
}
