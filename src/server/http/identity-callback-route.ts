// The route handlers of a protocol's callback (app/api/identity/<protocol>/callback): the GET
// the school's server redirects the browser to, and — for a protocol that may answer with a form
// post from the school's site — the POST, kept for that GET (identity/http/posted-answers.ts).
import type { IdentityProviderKind } from "~/generated/prisma/client";
import { finishLogin, keepPostedLogin } from "~/server/identity/http/callbacks";
import { POSTED_ANSWER_MAX_BYTES } from "~/server/identity/http/posted-answers";
import { plainText } from "./answers";
import { identityAnswer } from "./identity-answer";
import { readBodyCapped } from "./read-body";
import { schoolRoute } from "./route-scope";

export function identityCallbackRoute(kind: IdentityProviderKind, component: string) {
  return schoolRoute({ component, refusal: "text" }, async ({ request, scope, host }) => {
    const answer = await finishLogin(scope, kind, { host, params: new URL(request.url).searchParams, headers: request.headers });
    return identityAnswer(answer, scope.locale);
  });
}

export function postedAnswerRoute(kind: IdentityProviderKind, component: string) {
  return schoolRoute({ component, refusal: "text", caller: "school-site" }, async ({ request, scope }) => {
    if (!request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) return plainText("not a form post", 415);
    const fields = new URLSearchParams(await readBodyCapped(request, POSTED_ANSWER_MAX_BYTES));
    const answer = await keepPostedLogin(scope, kind, { path: new URL(request.url).pathname, fields });
    return identityAnswer(answer, scope.locale);
  });
}
