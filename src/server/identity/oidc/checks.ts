// 【测试连接】 of the school's OpenID provider: the address, discovery (issuer, code flow, S256, and
// form_post when the school chose it) and the JWKS. The client id and secret can only be proven
// by a real sign-in, and the check says so.
import { addressCheck, skipped } from "../address-check";
import { describeOutbound } from "../outbound/describe";
import type { CheckDraft, ProtocolChecks } from "../protocol";
import { saidBoth } from "../said";
import { discover, DiscoveryError, forgetDiscovery, type Discovery } from "./discovery";
import { fetchJwks, JwksError } from "./jwks";
import { offersFormPost } from "./response-mode";

function discoveryCheck(discovery: Discovery, mode: string): CheckDraft {
  if (mode !== "form_post") return { id: "discovery", status: "passed", detail: saidBoth("idpCheck.oidc.discovery") };
  return offersFormPost(discovery)
    ? { id: "discovery", status: "passed", detail: saidBoth("idpCheck.oidc.formPost") }
    : { id: "discovery", status: "failed", detail: saidBoth("idpCheck.oidc.noFormPost") };
}

async function jwksCheck(jwksUri: string): Promise<CheckDraft> {
  try {
    await fetchJwks(jwksUri);
    return { id: "jwks", status: "passed", detail: saidBoth("idpCheck.oidc.jwks") };
  } catch (error) {
    if (!(error instanceof JwksError)) throw error;
    const detail = error.detail ? describeOutbound(error.detail.failure) : saidBoth("idpCheck.oidc.jwksInvalid");
    return { id: "jwks", status: "failed", detail };
  }
}

export const oidcChecks: ProtocolChecks = {
  titles: {
    address: "idpCheck.title.address",
    discovery: "idpCheck.title.discovery",
    jwks: "idpCheck.title.jwks",
    client: "idpCheck.title.client",
  },
  async run(_scope, stored) {
    const { draft, url } = await addressCheck(stored.oidcIssuer);
    if (!url || !stored.oidcIssuer) return [draft, skipped("discovery"), skipped("jwks"), skipped("client")];
    forgetDiscovery(stored.oidcIssuer);
    let discovery: Discovery;
    try {
      discovery = await discover(stored.oidcIssuer.trim(), { fresh: true });
    } catch (error) {
      if (!(error instanceof DiscoveryError)) throw error;
      const detail = error.detail ? describeOutbound(error.detail.failure) : saidBoth(`idpCheck.discovery.${error.problem}`);
      return [draft, { id: "discovery", status: "failed", detail }, skipped("jwks"), skipped("client")];
    }
    const client: CheckDraft =
      stored.oidcClientId && stored.oidcClientSecretEnc !== null
        ? { id: "client", status: "warning", detail: saidBoth("idpCheck.oidc.clientUnproven") }
        : { id: "client", status: "failed", detail: saidBoth("idpCheck.oidc.clientMissing") };
    return [draft, discoveryCheck(discovery, stored.oidcResponseMode), await jwksCheck(discovery.jwks_uri), client];
  },
};
