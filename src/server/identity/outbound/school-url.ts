// The address of a school's CAS or OIDC server, as its IT office types it into
// /admin/identity. An admin-typed address must never make the platform call a
// machine of the admin's choosing (SSRF): only https, to a public DNS name, on
// the default port, with no user info — and the addresses that name resolves
// to are checked again at every connection (guarded-request.ts), so a name that
// later resolves to 127.0.0.1 (DNS rebinding) gets nowhere. The one exception
// is the operator's own simulator (CAS_SIMULATOR_URL / OIDC_SIMULATOR_URL,
// validated in src/env.ts), allowed as given, as WeCom's is (wecom/base-url.ts).
import { bareOrigin } from "~/server/wecom/bare-origin";
import { isAddressLiteral } from "./public-address";

export type SchoolServerKind = "cas" | "oidc";

/** Why an address was refused: each has a message saying what to type instead (the IDP_URL_* catalogue entries). */
export type SchoolUrlRefusal = "invalid" | "not_https" | "credentials" | "port" | "address_literal" | "local_name" | "query";

export type SchoolUrl = { ok: true; url: URL; simulator: boolean } | { ok: false; reason: SchoolUrlRefusal };

/** The simulator origin the operator named for this kind of server, read at each use so tests may point it elsewhere. */
export function simulatorOrigin(kind: SchoolServerKind): string | null {
  const value = kind === "cas" ? process.env.CAS_SIMULATOR_URL : process.env.OIDC_SIMULATOR_URL;
  return value ? bareOrigin(value) : null;
}

/** Whether `url` is on the operator's simulator of this kind (its exact origin). */
export function onSimulator(url: URL, kind: SchoolServerKind): boolean {
  const origin = simulatorOrigin(kind);
  return origin !== null && url.origin === origin;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * `raw` as a school server's address, or why not. A base URL (CAS) or an issuer
 * (OIDC) carries no query or fragment; both may have a path (/authserver, /cas,
 * /realms/x) or none.
 */
export function parseSchoolUrl(raw: string, kind: SchoolServerKind): SchoolUrl {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (url.search || url.hash || raw.includes("?") || raw.includes("#")) return { ok: false, reason: "query" };
  if (onSimulator(url, kind)) return { ok: true, url, simulator: true };
  if (url.protocol !== "https:") return { ok: false, reason: "not_https" };
  if (url.username || url.password) return { ok: false, reason: "credentials" };
  // The default port only: an admin must not be able to aim at a service on another port of a host.
  if (url.port !== "") return { ok: false, reason: "port" };
  const host = url.hostname.replace(/\.$/, "");
  if (isAddressLiteral(host)) return { ok: false, reason: "address_literal" };
  const labels = host.split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1) ?? "")) {
    return { ok: false, reason: "local_name" };
  }
  // Names that resolve to this machine or a private network by convention (RFC 6761, RFC 6762, RFC 8375).
  if (/(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain|corp)$/.test(host)) return { ok: false, reason: "local_name" };
  return { ok: true, url, simulator: false };
}
