import { pick } from "~/i18n/locale";
import { downloadAnswer } from "~/server/http/answers";
import { adminRoute } from "~/server/http/route-scope";
import { posterFileName, schoolPoster } from "~/server/posters/school-poster";
import { recordQrDownload } from "~/server/qr/registration-image";

export const dynamic = "force-dynamic";

/**
 * The school's A4 registration poster as a PDF, for the back office (any of its roles may open
 * /admin/qr, and every role holds directory.read); recorded as a QR download for the go-live checklist.
 */
export const GET = adminRoute("directory.read", { component: "poster", refusal: "text" }, async ({ scope, host }) => {
  const pdf = await schoolPoster(scope, { host, purpose: "register" });
  await recordQrDownload(scope, "pdf");
  const body = new Blob([new Uint8Array(pdf)]).stream();
  return downloadAnswer(body, "application/pdf", pick(scope.locale, posterFileName("register")), "registration-poster.pdf");
});
