// Every call the platform makes to a school's CAS or OIDC server goes through
// here. The school's server is untrusted: the answer is read up to a cap and
// within a deadline, redirects are never followed (a 3xx is an answer like any
// other), and — unless the origin is on the operator's list of private origins,
// read afresh at every call (private-origins.ts) — the name is resolved by us at
// connection time and every address it resolves to must be public
// (public-address.ts), so a DNS answer that changes after the settings were
// saved (rebinding to 127.0.0.1 or the cloud's metadata service) is refused
// before any byte is sent. The connection goes to the address we checked.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "./public-address";
import { privateOrigins } from "./private-origins";

/**
 * What can go wrong calling a school's server; 【测试连接】 names each with what to do (identity/connection-test.ts).
 * A failure names the host as the school wrote it, never an address it resolved to: the school's admin
 * must not learn the addresses of the platform's network, nor map a campus's internal one, from it.
 */
export type OutboundFailure =
  | { kind: "not_allowed" }
  | { kind: "blocked_address"; host: string }
  | { kind: "dns" }
  | { kind: "refused" }
  | { kind: "timeout" }
  | { kind: "tls"; code: string }
  | { kind: "too_large"; limit: number }
  | { kind: "network"; code: string };

export class OutboundError extends Error {
  constructor(readonly failure: OutboundFailure) {
    super(`school server call failed: ${failure.kind}`);
    this.name = "OutboundError";
  }
}

export type OutboundAnswer = { status: number; headers: IncomingHttpHeaders; body: string };

/** How a name is resolved: node's resolver, or a test's. Returns every address, as connect may try each. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

let resolver: Resolver = systemResolver;

/** For tests: answer names with `next` (e.g. a name that turns into 127.0.0.1); null restores the system's. */
export function setResolverForTests(next: Resolver | null): void {
  resolver = next ?? systemResolver;
}

/** A lookup for net.connect that only ever hands it public addresses. */
function publicOnlyLookup(onBlocked: () => void): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        const blocked = addresses.find((a) => !isPublicAddress(a.address));
        if (blocked || addresses.length === 0) {
          onBlocked();
          const error = Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: "EBLOCKEDADDRESS" });
          callback(error, "", 4);
          return;
        }
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0]?.address ?? "", wanted[0]?.family ?? 4);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, "", 4),
    );
  };
}

const TLS_CODES = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "EPROTO",
]);

/** A socket or TLS error as the failure 【测试连接】 explains. */
export function classifyNetworkError(error: unknown): OutboundFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const text = typeof code === "string" ? code : "";
  if (text === "ENOTFOUND" || text === "EAI_AGAIN" || text === "ENODATA") return { kind: "dns" };
  if (text === "ECONNREFUSED" || text === "ECONNRESET" || text === "EHOSTUNREACH" || text === "ENETUNREACH") return { kind: "refused" };
  if (text === "ETIMEDOUT" || text === "ESOCKETTIMEDOUT") return { kind: "timeout" };
  if (TLS_CODES.has(text) || text.startsWith("ERR_TLS") || text.startsWith("ERR_SSL")) return { kind: "tls", code: text };
  return { kind: "network", code: text || "UNKNOWN" };
}

export type SchoolRequest = {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** The whole call, connect to last byte. */
  timeoutMs?: number;
  /** The most of the answer's body read; more is a failure, not a truncation. */
  maxBytes?: number;
};

const DEFAULT_TIMEOUT_MS = 8_000;
const DEFAULT_MAX_BYTES = 64 * 1024;

/**
 * One HTTP exchange with a school's server. `url` must already have passed
 * parseSchoolUrl (or be built from a URL that did, or be an endpoint a
 * discovery document named, checked the same way by the caller): here the
 * scheme is checked once more and every connection is held to public addresses,
 * unless the URL's exact origin is on the operator's list as it stands now.
 */
export async function schoolRequest(url: URL, options: SchoolRequest = {}): Promise<OutboundAnswer> {
  const listed = (await privateOrigins()).has(url.origin);
  if (!listed && url.protocol !== "https:") throw new OutboundError({ kind: "not_allowed" });
  return exchange(url, options, listed);
}

function exchange(url: URL, options: SchoolRequest, listed: boolean): Promise<OutboundAnswer> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<OutboundAnswer>((resolve, reject) => {
    let blocked = false;
    let settled = false;
    const fail = (failure: OutboundFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(new OutboundError(failure));
    };
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const request = send(url, {
      method: options.method ?? "GET",
      headers: { "user-agent": "campus-wecom/identity", accept: "*/*", ...options.headers },
      // No pooled connection: each call resolves and checks its addresses afresh.
      agent: false,
      // A listed origin reaches the private address it resolves to: the operator named it for that.
      ...(listed ? {} : { lookup: publicOnlyLookup(() => (blocked = true)) }),
    });
    const timer = setTimeout(() => fail({ kind: "timeout" }), timeoutMs);
    request.on("error", (error) => {
      if (blocked || (error as { code?: string }).code === "EBLOCKEDADDRESS") {
        fail({ kind: "blocked_address", host: url.hostname });
      } else fail(classifyNetworkError(error));
    });
    request.on("response", (response) => {
      const declared = Number(response.headers["content-length"] ?? "");
      if (Number.isFinite(declared) && declared > maxBytes) return fail({ kind: "too_large", limit: maxBytes });
      const chunks: Buffer[] = [];
      let total = 0;
      response.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) fail({ kind: "too_large", limit: maxBytes });
        else chunks.push(chunk);
      });
      response.on("error", (error) => fail(classifyNetworkError(error)));
      response.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    request.end(options.body);
  });
}
