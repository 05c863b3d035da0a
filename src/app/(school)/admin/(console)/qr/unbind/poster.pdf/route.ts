import { pick } from "~/i18n/locale";
import { downloadAnswer } from "~/server/http/answers";
import { adminRoute } from "~/server/http/route-scope";
import { posterFileName, schoolPoster } from "~/server/posters/school-poster";

export const dynamic = "force-dynamic";

/** The school's A4 unbind poster as a PDF, for the back office (any of its roles, as /admin/qr). */
export const GET = adminRoute("directory.read", { component: "poster", refusal: "text" }, async ({ scope, host }) => {
  const pdf = await schoolPoster(scope, { host, purpose: "unbind" });
  const body = new Blob([new Uint8Array(pdf)]).stream();
  return downloadAnswer(body, "application/pdf", pick(scope.locale, posterFileName("unbind")), "unbind-poster.pdf");
});
