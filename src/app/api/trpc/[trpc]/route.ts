// tRPC over HTTP, for this site's own pages only (security review M4, M5):
// before any body is read, a POST must be JSON (a cross-site <form> can only
// send urlencoded, multipart or text bodies without a preflight) and the
// request must come from this very origin; bodies are read through a cap and
// batches are short. Every answer is `Cache-Control: private, no-store`: most
// are about the signed-in account, and none is worth caching.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { appRouter } from "~/server/api/root";
import { createContext, localeFrom } from "~/server/api/trpc";
import { AppError, ERROR_CATALOG } from "~/server/errors";
import { readBodyCapped } from "~/server/http/read-body";
import { isSameOriginRequest } from "~/server/http/same-origin";

const TRPC_BODY_LIMIT = 1024 * 1024;
const TRPC_MAX_BATCH = 10;
const NO_STORE = "private, no-store";

/** A refusal exactly as tRPC (with its superjson transformer) answers an error: the catalogue's message and status. */
function refusal(request: Request, error: AppError): Response {
  const entry = ERROR_CATALOG[error.code];
  const shape = {
    message: error.messageIn(localeFrom(request.headers)),
    code: TRPC_ERROR_CODES_BY_KEY[entry.trpc],
    data: { code: entry.trpc, httpStatus: entry.http, appCode: error.code },
  };
  return Response.json({ error: superjson.serialize(shape) }, { status: entry.http, headers: { "cache-control": NO_STORE } });
}

function isJson(request: Request): boolean {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

async function handler(request: Request): Promise<Response> {
  if (request.method !== "GET" && request.method !== "POST") return refusal(request, new AppError("METHOD_NOT_ALLOWED"));
  if (request.method === "POST" && !isJson(request)) return refusal(request, new AppError("UNSUPPORTED_MEDIA_TYPE"));
  if (!isSameOriginRequest(request)) return refusal(request, new AppError("CROSS_SITE_REFUSED"));

  let req = request;
  if (request.method === "POST") {
    try {
      req = new Request(request.url, { method: "POST", headers: request.headers, body: await readBodyCapped(request, TRPC_BODY_LIMIT) });
    } catch (error) {
      if (error instanceof AppError) return refusal(request, error);
      throw error;
    }
  }

  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH,
    createContext: () => createContext({ headers: req.headers }),
    responseMeta: () => ({ headers: { "cache-control": NO_STORE } }),
  });
}

export { handler as GET, handler as POST };
