// POST /hall/a/<id>/decide — an approver's 【同意】/【不同意】/【退回修改】 with the comment: a plain form
// post carrying the version the page showed, so a step another approver decided meanwhile is not
// decided twice (servicehall/decide.ts). A 303 to 收到的事项 when done, else back to the page with the refusal.
import { z } from "zod";
import { AppError, toAppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { refusalQuery } from "~/server/http/refusal-query";
import { memberRoute } from "~/server/http/route-scope";
import { COMMENT_MAX, DECISIONS, decideApplication } from "~/server/servicehall/decide";
import { hallPaths, MAX_SMALL_FORM_BYTES, pageVersion, uuid } from "../../../paths";

export const dynamic = "force-dynamic";

const decision = z.object({ version: pageVersion, decision: z.enum(DECISIONS), comment: z.string().max(COMMENT_MAX).default("") });

export const POST = memberRoute<{ id: string }>(
  {
    component: "hall-decide",
    refusal: (error) => redirectTo(error.code === "UNAUTHENTICATED" ? "/login" : `${hallPaths.received()}?error=${error.code}`),
  },
  async ({ request, scope, params }) => {
    const id = uuid.safeParse(params.id);
    if (!id.success) throw new AppError("HALL_APPLICATION_NOT_FOUND");
    const form = decision.safeParse(await readFormCapped(request, MAX_SMALL_FORM_BYTES));
    if (!form.success) return redirectTo(`${hallPaths.application(id.data)}?error=INVALID_INPUT`);
    try {
      await decideApplication(scope, { applicationId: id.data, ...form.data });
      return redirectTo(`${hallPaths.received()}?done=decided`);
    } catch (error) {
      const refusal = toAppError(error);
      if (refusal.code === "UNAUTHENTICATED" || refusal.code === "INTERNAL") throw error;
      return redirectTo(`${hallPaths.application(id.data)}?${refusalQuery(refusal)}`);
    }
  },
);
