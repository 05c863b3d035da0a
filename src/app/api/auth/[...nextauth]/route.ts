// next-auth's endpoint (/api/auth/*), fed a request we have checked (security
// review M5 and the base-URL finding): the body is read through a 16 KiB cap,
// and next-auth sees the headers without X-Forwarded-Host (which it would take
// as the base of its callback and redirect URLs) and with the scheme our
// server or a trusted proxy wrote. next-auth's App Router entry reads headers
// from next/headers, past any change made here, so the request goes in
// through its plain (req, res) entry instead.
import NextAuth from "next-auth";
import { authOptions } from "~/server/auth/next-auth";
import { localeFrom } from "~/server/api/trpc";
import { AppError, ERROR_CATALOG } from "~/server/errors";
import { parseCookies } from "~/server/http/cookies";
import { readBodyCapped } from "~/server/http/read-body";
import { requestScheme } from "~/server/http/same-origin";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

const AUTH_BODY_LIMIT = 16 * 1024;

/** The headers next-auth may rely on: the request's own, minus what a client could forge about our origin. */
function trustedHeaders(request: Request): Record<string, string> {
  const headers = Object.fromEntries(request.headers);
  delete headers["x-forwarded-host"];
  headers["x-forwarded-proto"] = requestScheme(request);
  return headers;
}

/** next-auth's sign-in and sign-out forms post urlencoded (or JSON) bodies; anything else is no body. */
function parseBody(text: string, contentType: string | null): Record<string, unknown> | undefined {
  if (contentType?.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  if (contentType?.includes("application/json")) {
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Collects what next-auth's (req, res) entry writes into a fetch Response. */
class CollectedResponse {
  statusCode = 200;
  readonly headers = new Headers();
  body: BodyInit | null = null;
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string) {
    return name.toLowerCase() === "set-cookie" ? this.headers.getSetCookie() : (this.headers.get(name) ?? undefined);
  }
  setHeader(name: string, value: string | string[]) {
    this.headers.delete(name);
    for (const v of Array.isArray(value) ? value : [value]) this.headers.append(name, v);
    return this;
  }
  send(body: unknown) {
    if (typeof body === "string") this.body = body;
    else if (body !== undefined && body !== null) this.json(body);
  }
  json(body: unknown) {
    this.headers.set("content-type", "application/json");
    this.body = JSON.stringify(body);
  }
  end() {}
  toResponse() {
    return new Response(this.body, { status: this.statusCode, headers: this.headers });
  }
}

type ApiHandler = (req: unknown, res: CollectedResponse, options: ReturnType<typeof authOptions>) => Promise<void>;

async function handler(request: Request, context: RouteContext): Promise<Response> {
  let body: Record<string, unknown> | undefined;
  if (request.method === "POST") {
    try {
      body = parseBody(await readBodyCapped(request, AUTH_BODY_LIMIT), request.headers.get("content-type"));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const entry = ERROR_CATALOG[error.code];
      return Response.json({ error: error.code, message: error.messageIn(localeFrom(request.headers)) }, { status: entry.http });
    }
  }
  const url = new URL(request.url);
  const res = new CollectedResponse();
  await (NextAuth as unknown as ApiHandler)(
    {
      method: request.method,
      headers: trustedHeaders(request),
      cookies: parseCookies(request.headers.get("cookie")),
      query: { ...Object.fromEntries(url.searchParams), nextauth: (await context.params).nextauth },
      body,
    },
    res,
    authOptions(),
  );
  return res.toResponse();
}

export { handler as GET, handler as POST };
