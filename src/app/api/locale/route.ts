import { LOCALE_COOKIE, parseLocale } from "~/i18n/locale";
import { localPath, sameOriginRefererPath } from "~/server/http/local-path";
import { requestOrigin } from "~/server/http/same-origin";

/**
 * The language switch: remembers the choice for a year and returns to the page
 * it came from — a `next` (or `returnTo`) path, else the Referer's path when it
 * is this same origin, else the home page. Never a redirect off the site, and
 * never an error for a bad Referer.
 */
export function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const locale = parseLocale(params.get("to"));
  const back =
    localPath(params.get("next")) ??
    localPath(params.get("returnTo")) ??
    sameOriginRefererPath(request.headers.get("referer"), requestOrigin(request)) ??
    "/";
  return new Response(null, {
    status: 303,
    headers: {
      location: back,
      "set-cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`,
    },
  });
}
