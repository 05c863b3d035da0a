// HTTP plumbing the three simulators share (WeCom, CAS, OIDC): reading a request with a body cap,
// answering JSON / HTML / text / XML, redirects, cookies, and listening on a port. node:http only,
// so a simulator stays one small process with no framework of its own.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What a simulator accepts by default: enough for a seed with thousands of members, small enough that a runaway client cannot fill memory. */
export const DEFAULT_MAX_BODY = 2 * 1024 * 1024;

export type SimRequest = {
  method: string;
  url: URL;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  rawBody: string;
  ip: string;
  /** The last value of each cookie the client sent. */
  cookies: Record<string, string>;
  /** Every value of one cookie, in the order sent: a browser sends two cookies of one name when their paths differ (a CAS at the root and one at /x/cas). */
  cookieValues: (name: string) => string[];
  /** The request itself, body already read: for libraries that want node's objects (oidc-provider's interaction helpers read its cookies). */
  incoming: IncomingMessage;
};

/** The body was larger than the simulator's cap; answered 413 (RFC 9110 §15.5.14). */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function parseCookies(header: string | undefined): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of (header ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name) pairs.push([name, safeDecode(rest.join("="))]);
  }
  return pairs;
}

/** Reads the whole request, refusing (BodyTooLargeError) as soon as the body passes `maxBody` bytes, before it is all in memory. */
export async function readRequest(req: IncomingMessage, maxBody = DEFAULT_MAX_BODY): Promise<SimRequest> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBody) throw new BodyTooLargeError(maxBody);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBody) throw new BodyTooLargeError(maxBody);
    chunks.push(chunk);
  }
  const url = new URL(req.url ?? "/", "http://simulator.invalid");
  const pairs = parseCookies(req.headers.cookie);
  return {
    method: req.method ?? "GET",
    url,
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    rawBody: Buffer.concat(chunks).toString("utf8"),
    ip: (req.socket.remoteAddress ?? "").replace(/^::ffff:/, ""),
    cookies: Object.fromEntries(pairs),
    cookieValues: (name) => pairs.filter(([k]) => k === name).map(([, v]) => v),
    incoming: req,
  };
}

export type Headers = Record<string, string | string[]>;

export function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Headers = {}): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(body), headers);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Headers = {}): void {
  send(res, status, "text/html; charset=utf-8", html, headers);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Headers = {}): void {
  send(res, status, "text/plain; charset=utf-8", text, headers);
}

export function redirect(res: ServerResponse, location: string, status = 303, headers: Headers = {}): void {
  res.writeHead(status, { location, ...headers });
  res.end();
}

/** Matches "/a/:b/c" against a path; the named segments come back decoded. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/");
  const s = path.split("/");
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const a = p[i] ?? "";
    const b = s[i] ?? "";
    if (a.startsWith(":")) params[a.slice(1)] = safeDecode(b);
    else if (a !== b) return null;
  }
  return params;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type Listening = { server: Server; url: string; close: () => Promise<void> };

/**
 * Serves `handle` on host:port (0 = a free port) and resolves once listening. A handler that throws
 * gets a 500 (413 for a body over the cap) and a line on stderr tagged with the simulator's name:
 * a simulator must never die of one bad request.
 */
export async function listen(
  name: string,
  options: {
    port: number;
    host?: string;
    maxBody?: number;
    /** Takes a request before its body is read (true = taken): a library such as oidc-provider reads bodies itself. */
    passThrough?: (req: IncomingMessage, res: ServerResponse) => boolean;
  },
  handle: (req: SimRequest, res: ServerResponse) => Promise<void>,
): Promise<Listening> {
  const server = createServer((rawReq, res) => {
    if (options.passThrough?.(rawReq, res)) return;
    void (async () => {
      try {
        await handle(await readRequest(rawReq, options.maxBody), res);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          if (!res.headersSent) sendText(res, 413, error.message, { connection: "close" });
          else res.end();
          return;
        }
        console.error(`[${name}]`, error);
        if (!res.headersSent) sendText(res, 500, "internal error");
        else res.end();
      }
    })();
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
