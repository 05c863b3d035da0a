// POST /verify/confirm — 二次验证's 【是本人，完成验证】 (app/(school)/verify/page.tsx): a plain HTML form
// post, so it works before (or without) the page's scripts, inside WeChat too. Same-origin only
// (memberRoute refuses another site's post first): another site's page must not be able to tap the
// button for the member (issue 15). The ticket says what the page learnt from WeCom's code and is
// refused unless sealed for the member signed in here (second-verification-ticket.ts). Every answer
// is a 303 to the next page.
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { memberRoute } from "~/server/http/route-scope";
import { verifyResultPath } from "~/server/journey/journey-paths";
import { completeSecondVerification, secondVerificationConfirmInput } from "~/server/journey/second-verification";

export const dynamic = "force-dynamic";

/** A form of one sealed ticket is well under a kilobyte; this leaves room and no more. */
const MAX_FORM_BYTES = 4 * 1024;

export const POST = memberRoute(
  {
    component: "verify-confirm",
    // Signed out since the page: the ticket is of no use to anyone else, so the notice is opened again after signing in.
    refusal: (error) => redirectTo(error.code === "UNAUTHENTICATED" ? "/login" : verifyResultPath(error)),
  },
  async ({ request, scope }) => {
    const form = await readFormCapped(request, MAX_FORM_BYTES);
    await completeSecondVerification(scope, secondVerificationConfirmInput.parse({ ticket: form.ticket ?? "" }));
    // On to 「关注成功」: the member's state was read just now; should that read have failed, /done waits on /follow.
    return redirectTo("/done");
  },
);
