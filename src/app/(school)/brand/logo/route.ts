import { schoolLogo } from "~/server/branding/logo";
import { logoVersionTag } from "~/server/branding/logo-link";
import { AppError } from "~/server/errors";
import { uploadedImageAnswer } from "~/server/http/answers";
import { schoolRoute } from "~/server/http/route-scope";

export const dynamic = "force-dynamic";

/**
 * The host's school's logo (NOT_FOUND without one). A link with the current `?v=` never changes, so
 * it is kept for a year; any other is kept briefly and revalidated by its ETag.
 */
export const GET = schoolRoute({ component: "logo", refusal: "empty" }, async ({ request, scope }) => {
  const logo = await schoolLogo(scope);
  if (!logo) throw new AppError("NOT_FOUND");
  const current = new URL(request.url).searchParams.get("v") === logoVersionTag(logo.sha256);
  return uploadedImageAnswer(logo.image, logo.contentType, {
    etag: `"${logo.sha256}"`,
    cache: current ? "public, max-age=31536000, immutable" : "public, max-age=300",
    ifNoneMatch: request.headers.get("if-none-match"),
  });
});
