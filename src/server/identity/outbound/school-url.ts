// The address of a school's CAS or OIDC server, as its IT office types it into
// /admin/identity. An admin-typed address must never make the platform call a
// machine of the admin's choosing (SSRF): only https, to a public DNS name, on
// the default port, with no user info — and the addresses that name resolves
// to are checked again at every connection (guarded-request.ts), so a name that
// later resolves to 127.0.0.1 (DNS rebinding) gets nowhere. The one exception
// is an origin on the operator's list of private origins (private-origins.ts):
// a school's server on its campus network, or the demo's simulators, allowed
// exactly as listed — its scheme, host and port, nothing beside them.
import { isAddressLiteral } from "./public-address";
import type { PrivateOrigins } from "./private-origins";

export type SchoolServerKind = "cas" | "oidc";

/** Why an address was refused: each has a message saying what to type instead (the IDP_URL_* catalogue entries). */
export type SchoolUrlRefusal = "invalid" | "not_https" | "credentials" | "port" | "address_literal" | "local_name" | "query";

/** `listed`: the operator's note when the address is on the list of private origins, else null. */
export type SchoolUrl = { ok: true; url: URL; listed: string | null } | { ok: false; reason: SchoolUrlRefusal };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * `raw` as a school server's address, or why not. A base URL (CAS) or an issuer
 * (OIDC) carries no query or fragment; both may have a path (/authserver, /cas,
 * /realms/x) or none. `listed` is the operator's list as it stands (privateOrigins()).
 */
export function parseSchoolUrl(raw: string, listed: PrivateOrigins): SchoolUrl {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (url.search || url.hash || raw.includes("?") || raw.includes("#")) return { ok: false, reason: "query" };
  if (url.username || url.password) return { ok: false, reason: "credentials" };
  // Exactly the listed origin: the same host on another port, or another name that resolves to the same address, is not it.
  const note = listed.get(url.origin);
  if (note !== undefined) return { ok: true, url, listed: note };
  if (url.protocol !== "https:") return { ok: false, reason: "not_https" };
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
  return { ok: true, url, listed: null };
}
