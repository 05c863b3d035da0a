// The route handlers' answers, built in one place: redirects of ours, plain texts, and an
// AppError as the HTTP answer its catalogue entry names (status, the message in the request's
// language, never a stack trace). Route files and src/server/http build Responses; domain
// folders return data (eslint says so).
import type { Locale } from "~/i18n/locale";
import { ERROR_CATALOG, toAppError, type AppError } from "~/server/errors";
import type { Logger } from "~/server/log";
import { IMAGE_WORK_LIMIT } from "~/server/security/image-limits";

/** A redirect of ours, never cached, with no Referer: a callback's URL carries a ticket or code (reference §3.7). */
export function redirectTo(location: string, cookies: readonly string[] = [], status = 303): Response {
  const headers = new Headers({ location, "cache-control": "no-store", "referrer-policy": "no-referrer" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status, headers });
}

export const plainText = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * How a route answers a refusal: "json" `{ error, message }` (scripts and polls), "text" (a
 * browser or a school's server that reads no JSON), "empty" (an image: an <img> shows no body),
 * or a function of the AppError where every answer is a page to go to (a form post's redirect).
 */
export type Refusal = "json" | "text" | "empty" | ((error: AppError) => Response);

/**
 * An error as the route's answer: its catalogue status, never cached; 429 says in Retry-After when
 * to come back. An unexpected error is logged with its stack and answered with the catalogue's
 * INTERNAL message, never with the stack.
 */
export function errorAnswer(error: unknown, options: { refusal: Refusal; locale: Locale; log?: Logger }): Response {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") options.log?.error({ err: error }, "route failed");
  else options.log?.info({ appCode: appError.code }, "route refused");
  if (typeof options.refusal === "function") return options.refusal(appError);
  const headers = new Headers({ "cache-control": "no-store" });
  if (appError.code === "RATE_LIMITED") headers.set("retry-after", String(appError.vars.seconds ?? IMAGE_WORK_LIMIT.windowSeconds));
  const status = ERROR_CATALOG[appError.code].http;
  if (options.refusal === "empty") return new Response(null, { status, headers });
  const message = appError.messageIn(options.locale);
  if (options.refusal === "text") {
    headers.set("content-type", "text/plain; charset=utf-8");
    return new Response(message, { status, headers });
  }
  return Response.json({ error: appError.code, message }, { status, headers });
}

/** An image route's answer to a failure: its status, no body, never cached (Retry-After on a 429). */
export function imageRefusal(error: unknown): Response {
  return errorAnswer(error, { refusal: "empty", locale: "zh-CN" });
}

/** An image: `cache` its Cache-Control; `download`, a file name to save it under. */
export function imageAnswer(image: Buffer, contentType: string, options: { cache: string; download?: string | null }): Response {
  return new Response(new Uint8Array(image), {
    headers: {
      "content-type": contentType,
      "cache-control": options.cache,
      ...(options.download ? { "content-disposition": `attachment; filename="${options.download}"` } : {}),
    },
  });
}

/**
 * An image the school uploaded (its logo), on the school's own host: its stored type only, never
 * sniffed into a page (nosniff, and a CSP that runs nothing should a browser render it anyway),
 * revalidated by its ETag (304 when the browser has it).
 */
export function uploadedImageAnswer(
  image: Buffer,
  contentType: string,
  options: { etag: string; cache: string; ifNoneMatch: string | null },
): Response {
  const headers = {
    "content-type": contentType,
    "cache-control": options.cache,
    etag: options.etag,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
  };
  const known = options.ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === options.etag);
  if (known) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(image), { headers: { ...headers, "content-length": String(image.length) } });
}

/** A file to save (an export), streamed, never cached; the name in UTF-8 (RFC 6266 filename*) with an ASCII fallback. */
export function downloadAnswer(body: ReadableStream<Uint8Array>, contentType: string, fileName: string, fallbackName: string): Response {
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "cache-control": "no-store",
      "content-disposition": `attachment; filename="${fallbackName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  });
}
