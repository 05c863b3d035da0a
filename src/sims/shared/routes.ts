// A route table that documents itself. Each simulator lists its routes once — method, path
// pattern, a one-line summary, the body schema — and both the dispatcher and `GET /__sim` are
// derived from that list, so what a simulator says it serves is what it serves. A hand-kept
// comment listing routes drifted within weeks; a table cannot.
import type { ServerResponse } from "node:http";
import { z } from "zod";
import { type Headers, matchPath, send, sendJson, type SimRequest } from "./http";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** An answer other than "200 with this JSON": a status, a content type, headers (Set-Cookie may repeat). */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly contentType: string,
    readonly headers: Headers = {},
  ) {}

  static json(status: number, value: unknown, headers: Headers = {}): Reply {
    return new Reply(status, JSON.stringify(value), "application/json; charset=utf-8", headers);
  }
  static html(status: number, html: string, headers: Headers = {}): Reply {
    return new Reply(status, html, "text/html; charset=utf-8", headers);
  }
  static text(status: number, text: string, headers: Headers = {}): Reply {
    return new Reply(status, text, "text/plain; charset=utf-8", headers);
  }
  static xml(status: number, xml: string, headers: Headers = {}): Reply {
    return new Reply(status, xml, "application/xml; charset=utf-8", headers);
  }
  static redirect(location: string, status = 302, headers: Headers = {}): Reply {
    return new Reply(status, "", "text/plain; charset=utf-8", { location, ...headers });
  }
}

/** A refusal a control route answers as JSON `{error, message?}` with its HTTP status. */
export class RouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

export type Call<Body> = {
  params: Record<string, string>;
  body: Body;
  req: SimRequest;
  /** For the rare handler that streams or must write after a delay; most return a value or a Reply. */
  res: ServerResponse;
};

export type Route<Ctx> = {
  method: Method;
  /** "/__sim/corps/:corpid": `:name` segments come back decoded in `params`. */
  path: string;
  /** One line: what the route does, in the simulated service's terms. */
  summary: string;
  /** Parsed before the handler runs; a bad body answers 400 `{error: "invalid_input", issues}`. */
  body?: z.ZodType;
  /** "json" (default; an empty body reads as `{}`) or "form" (application/x-www-form-urlencoded, as browsers post). */
  bodyType?: "json" | "form";
  /** When the body is checked by the domain (e.g. a WeCom user/create body) rather than by `body`, what it is. */
  bodyNote?: string;
  /** What a success answers, when that is not obvious from the summary. */
  answer?: string;
  handler: (ctx: Ctx, call: Call<unknown>) => unknown;
};

type Spec<Ctx, S extends z.ZodType | undefined> = Omit<Route<Ctx>, "body" | "handler"> & {
  body?: S;
  handler: (ctx: Ctx, call: Call<S extends z.ZodType ? z.output<S> : unknown>) => unknown;
};

/**
 * `const route = routeFor<Ctx>()` then `route({ method, path, summary, body, handler })`: the
 * handler's `body` is typed from the schema, and the table holds routes of one context type.
 */
export function routeFor<Ctx>() {
  return <S extends z.ZodType | undefined = undefined>(spec: Spec<Ctx, S>): Route<Ctx> => spec as unknown as Route<Ctx>;
}

export type RouteDoc = {
  method: Method;
  path: string;
  summary: string;
  /** JSON Schema (draft 2020-12) of the body the route takes, as the caller writes it. */
  body?: unknown;
  bodyType?: "json" | "form";
  bodyNote?: string;
  answer?: string;
};

/** What `GET /__sim` lists: every route of the table, in table order. */
export function describeRoutes<Ctx>(routes: readonly Route<Ctx>[], prefix = ""): RouteDoc[] {
  return routes.map((r) => {
    const doc: RouteDoc = { method: r.method, path: prefix + r.path, summary: r.summary };
    if (r.body) {
      const schema = z.toJSONSchema(r.body, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
      delete schema.$schema;
      doc.body = schema;
    }
    if (r.bodyType && r.bodyType !== "json") doc.bodyType = r.bodyType;
    if (r.bodyNote) doc.bodyNote = r.bodyNote;
    if (r.answer) doc.answer = r.answer;
    return doc;
  });
}

/** Header naming the table entry that served a request: lets a test prove a listed route is really served. */
export const ROUTE_HEADER = "x-sim-route";

function readBody(req: SimRequest, type: "json" | "form"): unknown {
  if (type === "form") return Object.fromEntries(new URLSearchParams(req.rawBody));
  if (req.rawBody.trim() === "") return {};
  return JSON.parse(req.rawBody) as unknown;
}

export function writeReply(res: ServerResponse, reply: Reply, extra: Headers = {}): void {
  send(res, reply.status, reply.contentType, reply.body, { ...extra, ...reply.headers });
}

/**
 * Finds the route for `req` (path relative to `prefix`, which is stripped first), parses its body,
 * runs it and writes the answer: a Reply as it is, anything else as 200 JSON. Returns false when
 * no route matches, so the caller can try pages or answer its own 404. Bad JSON and bad bodies
 * answer 400, RouteError its status; `mapError` turns a simulator's own errors into a Reply, and
 * whatever it returns null for is thrown on (a bug: the server answers 500).
 */
export async function dispatch<Ctx>(
  routes: readonly Route<Ctx>[],
  ctx: Ctx,
  req: SimRequest,
  res: ServerResponse,
  options: { prefix?: string; mapError?: (error: unknown) => Reply | null } = {},
): Promise<boolean> {
  const prefix = options.prefix ?? "";
  if (!req.path.startsWith(prefix)) return false;
  const path = req.path.slice(prefix.length) || "/";
  for (const route of routes) {
    if (route.method !== req.method) continue;
    const params = matchPath(route.path, path);
    if (!params) continue;
    const tag = { [ROUTE_HEADER]: `${route.method} ${route.path}` };
    try {
      const raw = readBody(req, route.bodyType ?? "json");
      const body: unknown = route.body ? route.body.parse(raw) : raw;
      const result = await route.handler(ctx, { params, body, req, res });
      if (res.headersSent) return true;
      if (result instanceof Reply) writeReply(res, result, tag);
      else sendJson(res, 200, result ?? { ok: true }, tag);
    } catch (error) {
      const reply =
        error instanceof z.ZodError
          ? Reply.json(400, { error: "invalid_input", issues: error.issues })
          : error instanceof SyntaxError
            ? Reply.json(400, { error: "invalid_json", message: error.message })
            : error instanceof RouteError
              ? Reply.json(
                  error.status,
                  error.message === error.code ? { error: error.code } : { error: error.code, message: error.message },
                )
              : (options.mapError?.(error) ?? null);
      if (!reply) throw error;
      writeReply(res, reply, tag);
    }
    return true;
  }
  return false;
}
