// Per-request access for server components and server actions: the context
// built from the request's headers and a tRPC caller over it, made once per request.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { translator } from "~/i18n/messages";
import { createCaller } from "./api/root";
import { createContext } from "./api/trpc";
import { AppError } from "./errors";
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
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof AppError) return { ok: false, message: cause.messageIn(locale) };
  if (cause instanceof ZodError) {
    return { ok: false, message: new AppError("INVALID_INPUT").messageIn(locale), fieldErrors: cause.flatten().fieldErrors };
  }
  console.error(error);
  return { ok: false, message: new AppError("INTERNAL").messageIn(locale) };
}
