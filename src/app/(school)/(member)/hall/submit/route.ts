// POST /hall/submit — a service's form (/hall/s/<id>) or a draft or returned application corrected
// (/hall/a/<id>): 【提交】 or 【保存草稿】. A plain form post, so it works with the page's scripts
// blocked; same-origin only (memberRoute). Every answer is a 303 to the application's page: with
// ?done= when it was saved or submitted, ?error=HALL_FORM_INVALID when the values were kept as a
// draft to correct (the page marks each field), ?error=<code> for any other refusal.
import { z } from "zod";
import { saveDraft, submitApplication } from "~/server/servicehall/applications";
import { valuesFromForm } from "~/server/servicehall/definition";
import { AppError, toAppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readBodyCapped } from "~/server/http/read-body";
import { refusalQuery } from "~/server/http/refusal-query";
import { memberRoute } from "~/server/http/route-scope";
import { hallPaths, MAX_FORM_BYTES, pageVersion, uuid } from "../paths";

export const dynamic = "force-dynamic";

const target = z.union([
  z.object({ serviceId: uuid, applicationId: z.undefined(), version: z.undefined() }),
  z.object({ applicationId: uuid, version: pageVersion, serviceId: z.undefined() }),
]);

export const POST = memberRoute(
  {
    component: "hall-submit",
    refusal: (error) => redirectTo(error.code === "UNAUTHENTICATED" ? "/login" : `${hallPaths.home}?error=${error.code}`),
  },
  async ({ request, scope }) => {
    const form = new URLSearchParams(await readBodyCapped(request, MAX_FORM_BYTES));
    const parsed = target.safeParse({
      serviceId: form.get("serviceId") ?? undefined,
      applicationId: form.get("applicationId") ?? undefined,
      version: form.get("version") ?? undefined,
    });
    if (!parsed.success) throw new AppError("INVALID_INPUT");
    const input = { ...parsed.data, values: valuesFromForm(form) };
    const back = (query: URLSearchParams) =>
      redirectTo(`${input.applicationId ? hallPaths.application(input.applicationId) : hallPaths.service(input.serviceId!)}?${query}`);
    try {
      if (form.get("intent") === "draft") {
        const { applicationId } = await saveDraft(scope, input);
        return redirectTo(`${hallPaths.application(applicationId)}?done=draft`);
      }
      const outcome = await submitApplication(scope, input);
      return redirectTo(`${hallPaths.application(outcome.applicationId)}?${outcome.ok ? "done=submitted" : "error=HALL_FORM_INVALID"}`);
    } catch (error) {
      const refusal = toAppError(error);
      if (refusal.code === "UNAUTHENTICATED" || refusal.code === "INTERNAL") throw error;
      return back(refusalQuery(refusal));
    }
  },
);
