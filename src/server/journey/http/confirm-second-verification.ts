// POST /verify/confirm — 二次验证's 【是本人，完成验证】 (app/(school)/verify/page.tsx): a plain HTML form
// post, so it works before (or without) the page's scripts, inside WeChat too. Same-origin only:
// another site's page must not be able to tap the button for the member (issue 15). The ticket
// says what the page learnt from WeCom's code and is refused unless sealed for the member signed in
// here (second-verification-ticket.ts). Every answer is a 303 to the next page.
import type PgBoss from "pg-boss";
import type { PrismaClient } from "~/generated/prisma/client";
import { createCaller } from "~/server/api/root";
import { createContext } from "~/server/api/trpc";
import { AppError, toAppError } from "~/server/errors";
import { readBodyCapped } from "~/server/http/read-body";
import { isSameOriginRequest } from "~/server/http/same-origin";
import { redirectTo } from "~/server/identity/http/school-of-request";
import { verifyResultPath } from "../journey-paths";

/** A form of one sealed ticket is well under a kilobyte; this leaves room and no more. */
const MAX_FORM_BYTES = 4 * 1024;

const result = (error: AppError) => redirectTo(verifyResultPath(error));

export async function confirmSecondVerification(request: Request, deps: { prisma?: PrismaClient; jobs?: PgBoss } = {}): Promise<Response> {
  if (!isSameOriginRequest(request)) return result(new AppError("CROSS_SITE_REFUSED"));
  let ticket: string;
  try {
    ticket = new URLSearchParams(await readBodyCapped(request, MAX_FORM_BYTES)).get("ticket") ?? "";
  } catch (error) {
    return result(toAppError(error));
  }
  try {
    const caller = createCaller(await createContext({ headers: request.headers, ...deps }));
    await caller.me.journey.completeSecondVerification({ ticket });
  } catch (error) {
    const appError = toAppError(error);
    // Signed out since the page: the ticket is of no use to anyone else, so the notice is opened again after signing in.
    if (appError.code === "UNAUTHENTICATED") return redirectTo("/login");
    return result(appError);
  }
  // On to 「关注成功」: the member's state was read just now; should that read have failed, /done waits on /follow.
  return redirectTo("/done");
}
