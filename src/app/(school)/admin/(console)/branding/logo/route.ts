// POST /admin/branding/logo — the logo form of /admin/branding (multipart, so it works without
// script): a new logo, read through a cap and judged by its bytes (branding/logo.ts), or `remove`.
// Every answer is a 303 back to the page, with what happened or the refusal's code to word.
import { removeSchoolLogo, saveSchoolLogo } from "~/server/branding/logo";
import { MAX_LOGO_BYTES } from "~/server/branding/logo-image";
import { AppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readMultipartCapped } from "~/server/http/read-body";
import { adminRoute } from "~/server/http/route-scope";

export const dynamic = "force-dynamic";

/** The file and the form's few bytes of boundaries and headers. */
const MAX_FORM_BYTES = MAX_LOGO_BYTES + 16 * 1024;

export const POST = adminRoute(
  "settings.manage",
  {
    component: "logo-upload",
    refusal: (error) => redirectTo(error.code === "UNAUTHENTICATED" ? "/admin/login" : `/admin/branding?error=${error.code}`),
  },
  async ({ request, scope }) => {
    const form = await readMultipartCapped(request, MAX_FORM_BYTES);
    if (form.get("remove")) {
      await removeSchoolLogo(scope);
      return redirectTo("/admin/branding?logo=removed");
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("LOGO_NOT_AN_IMAGE");
    await saveSchoolLogo(scope, { bytes: new Uint8Array(await file.arrayBuffer()) });
    return redirectTo("/admin/branding?logo=saved");
  },
);
