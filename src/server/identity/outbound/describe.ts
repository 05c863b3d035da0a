// What a failed call to a school's server means, in words the IT office can act on (【测试连接】):
// TLS faults are named (an expired certificate, an incomplete chain …); an address that resolved
// inward names the host only, never the address it resolved to.
import type { Bilingual } from "~/i18n/locale";
import { saidBoth } from "../said";
import type { OutboundFailure } from "./guarded-request";

const NAMED_TLS = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

export function describeOutbound(failure: OutboundFailure | { kind: "http"; status: number }): Bilingual {
  switch (failure.kind) {
    case "blocked_address":
      return saidBoth("idpCheck.outbound.blocked_address", { host: failure.host });
    case "tls":
      return NAMED_TLS.has(failure.code)
        ? saidBoth(`idpCheck.tls.${failure.code}` as "idpCheck.tls.CERT_HAS_EXPIRED")
        : saidBoth("idpCheck.outbound.tls", { code: failure.code });
    case "too_large":
      return saidBoth("idpCheck.outbound.too_large", { kib: Math.round(failure.limit / 1024) });
    case "http":
      return saidBoth("idpCheck.outbound.http", { status: failure.status });
    case "network":
      return saidBoth("idpCheck.outbound.network", { code: failure.code });
    default:
      return saidBoth(`idpCheck.outbound.${failure.kind}`);
  }
}
