// The CAS back channel's single logout, answered at two URLs (app/api/identity/cas/callback and
// cas/slo): the school's server posts a form with no Origin, so it is a "server" route, and a
// browser's post (browsers send Origin on every POST: a page elsewhere posting a form) is refused.
import { AppError } from "~/server/errors";
import { LOGOUT_REQUEST_LIMIT, singleLogout } from "~/server/identity/http/single-logout";
import { plainText } from "./answers";
import { readFormCapped } from "./read-body";
import { schoolRoute } from "./route-scope";

export const singleLogoutRoute = schoolRoute({ component: "cas-slo", caller: "server", refusal: "text" }, async ({ request, scope }) => {
  if (request.headers.get("origin") !== null) throw new AppError("FORBIDDEN");
  const form = await readFormCapped(request, LOGOUT_REQUEST_LIMIT);
  if (!request.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) return plainText("not a logout request", 415);
  const outcome = await singleLogout(scope, { logoutRequest: form.logoutRequest ?? null });
  return plainText(outcome, outcome === "ok" ? 200 : 400);
});
