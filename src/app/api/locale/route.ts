import { type NextRequest } from "next/server";
import { LOCALE_COOKIE, parseLocale } from "~/i18n/locale";

/** The language switch: remembers the choice for a year and returns to the page it came from. */
export function GET(request: NextRequest) {
  const locale = parseLocale(request.nextUrl.searchParams.get("to"));
  const referer = request.headers.get("referer");
  let back = "/";
  if (referer) {
    const url = new URL(referer);
    // Only ever back to this same host: never an open redirect.
    if (url.host === request.headers.get("host")) back = url.pathname + url.search;
  }
  return new Response(null, {
    status: 303,
    headers: {
      location: back,
      "set-cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`,
    },
  });
}
