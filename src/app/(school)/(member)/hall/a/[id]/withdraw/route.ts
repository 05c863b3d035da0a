// POST /hall/a/<id>/withdraw — 【撤回申请】 of the application's page: a plain form post carrying the
// version the page showed; a 303 back to the page, with ?done=withdrawn or the refusal (e.g. an
// approver acted meanwhile: HALL_CANNOT_WITHDRAW).
import { AppError, toAppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { refusalQuery } from "~/server/http/refusal-query";
import { memberRoute } from "~/server/http/route-scope";
import { withdrawApplication } from "~/server/servicehall/applications";
import { hallPaths, MAX_SMALL_FORM_BYTES, pageVersion, uuid } from "../../../paths";

export const dynamic = "force-dynamic";

export const POST = memberRoute<{ id: string }>(
  {
    component: "hall-withdraw",
    refusal: (error) => redirectTo(error.code === "UNAUTHENTICATED" ? "/login" : `${hallPaths.sent}?error=${error.code}`),
  },
  async ({ request, scope, params }) => {
    const id = uuid.safeParse(params.id);
    if (!id.success) throw new AppError("HALL_APPLICATION_NOT_FOUND");
    const form = await readFormCapped(request, MAX_SMALL_FORM_BYTES);
    const version = pageVersion.safeParse(form.version);
    if (!version.success) throw new AppError("INVALID_INPUT");
    try {
      await withdrawApplication(scope, { applicationId: id.data, version: version.data });
      return redirectTo(`${hallPaths.application(id.data)}?done=withdrawn`);
    } catch (error) {
      const refusal = toAppError(error);
      if (refusal.code === "UNAUTHENTICATED" || refusal.code === "INTERNAL") throw error;
      return redirectTo(`${hallPaths.application(id.data)}?${refusalQuery(refusal)}`);
    }
  },
);
