import { pick } from "~/i18n/locale";
import { bilingualOf } from "~/i18n/messages";
import { downloadAnswer } from "~/server/http/answers";
import { adminRoute } from "~/server/http/route-scope";
import { registrationPoster } from "~/server/posters/registration-poster";
import { recordQrDownload } from "~/server/qr/registration-image";

export const dynamic = "force-dynamic";

/**
 * The school's A4 registration poster as a PDF, for the back office (any of its roles may open
 * /admin/qr, and every role holds directory.read); recorded as a QR download for the go-live checklist.
 */
export const GET = adminRoute("directory.read", { component: "poster", refusal: "text" }, async ({ scope, host }) => {
  const pdf = await registrationPoster(scope, { host });
  await recordQrDownload(scope, "pdf");
  const body = new Blob([new Uint8Array(pdf)]).stream();
  return downloadAnswer(body, "application/pdf", pick(scope.locale, bilingualOf("poster.fileName")), "registration-poster.pdf");
});
