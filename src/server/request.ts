// Per-request access for server components and server actions: the context
// built from the request's headers and a tRPC caller over it, made once per request.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { translator } from "~/i18n/messages";
import { createCaller } from "./api/root";
import { createContext } from "./api/trpc";

export const requestContext = cache(async () => createContext({ headers: await headers() }));

export const serverApi = cache(async () => createCaller(await requestContext()));

export async function requestLocale() {
  const ctx = await requestContext();
  return { locale: ctx.locale, t: translator(ctx.locale) };
}
