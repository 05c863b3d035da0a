// 统一身份认证 through the school's OpenID Provider: authorization code with
// PKCE (S256), state and nonce (reference §4), the answer on the redirect URI's
// query or, when the school chose it, as a form post (response-mode.ts). Why our
// own small client over openid-client 6: that library checks an id_token's
// signature only after enableNonRepudiationChecks(), and it fetches through the
// global fetch, past the SSRF rules every call to a school must follow
// (outbound/); jose (the library openid-client itself is built on) does the JWT
// checks here, and the protocol steps are a few requests each checked against the spec.
import { z } from "zod";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { loginPageUrl } from "../login-page";
import type { IdentifiedMember, IdentityProtocol, StartRequest } from "../protocol";
import { memberVouchedFor } from "../school-member";
import { authorizationUrl, newAuthorization, oidcRedirectUri } from "./authorization";
import { oidcChecks } from "./checks";
import { accountClaimOf, oidcIdentity, userinfoClaims } from "./claims";
import { discover, DiscoveryError } from "./discovery";
import { IdTokenRejected, verifyIdToken } from "./id-token";
import { JwksError, keyResolver } from "./jwks";
import { endSessionUrl } from "./logout";
import { oidcClient, oidcSettingsFields, type OidcInput } from "./settings";
import { exchangeCode, TokenError } from "./token";

const pending = z.object({
  protocol: z.literal("OIDC"),
  issuer: z.string().max(300),
  redirectUri: z.string().max(2048),
  state: z.string().min(22).max(128),
  nonce: z.string().min(22).max(128),
  verifier: z.string().min(43).max(128),
});
type OidcPending = z.infer<typeof pending>;

/** What came back on the redirect URI, and what the login remembered. */
export type OidcProof = {
  params: URLSearchParams;
  pending: OidcPending;
  /** The login asked for fresh credentials (after 【不是我，换个账号】), started at this time (ms). */
  renew: boolean;
  startedAt: number;
};

async function discoveryOf(scope: TenantScope, issuer: string) {
  try {
    return await discover(issuer);
  } catch (error) {
    if (error instanceof DiscoveryError) {
      scope.log.warn({ idp: "oidc", problem: error.problem, failure: error.detail?.failure ?? null }, "discovery failed");
      throw new AppError("SSO_SERVER_UNREACHABLE", { school: scope.tenant.name });
    }
    throw error;
  }
}

async function start(scope: TenantScope, request: StartRequest) {
  const settings = await oidcClient(scope);
  const { issuer } = settings;
  const discovery = await discoveryOf(scope, issuer);
  const redirectUri = oidcRedirectUri(request.origin);
  const { state, nonce, verifier, challenge } = newAuthorization();
  const url = authorizationUrl(discovery, {
    clientId: settings.clientId,
    redirectUri,
    state,
    nonce,
    challenge,
    renew: request.renew,
    formPost: settings.formPost,
  });
  const values: OidcPending = { protocol: "OIDC", issuer, redirectUri, state, nonce, verifier };
  return { kind: "redirect" as const, url: url.href, pending: values };
}

async function finish(scope: TenantScope, proof: OidcProof): Promise<IdentifiedMember> {
  const { params, pending } = proof;
  const school = { school: scope.tenant.name };
  // The state first (OIDC Core §3.1.2.7, RFC 6749 §10.12; the route checked it too, http/callbacks.ts):
  // an error answer with no or another state is anyone's link, not the provider's word on this login.
  if (params.get("state") !== pending.state) throw new AppError("SSO_LOGIN_EXPIRED");
  // Then an error answer (the person pressed 取消: access_denied); its text is the provider's, never shown.
  const error = params.get("error");
  if (error) {
    scope.log.info({ idp: "oidc", oauthError: /^[a-z_]{1,64}$/.test(error) ? error : "other" }, "the provider answered an error");
    throw new AppError(error === "access_denied" ? "SSO_CANCELLED" : "SSO_TICKET_REJECTED", school);
  }
  const code = params.get("code");
  if (!code || code.length > 2048) throw new AppError("SSO_LOGIN_EXPIRED");
  const settings = await oidcClient(scope);
  const { issuer } = settings;
  // A code is only ever sent to the provider whose login issued it (mix-up, RFC 9207): the issuer must not have changed,
  // and an `iss` on the answer must be it.
  if (issuer !== pending.issuer) throw new AppError("SSO_LOGIN_EXPIRED");
  const discovery = await discoveryOf(scope, issuer);
  const iss = params.get("iss");
  if ((iss !== null && iss !== issuer) || (iss === null && discovery.authorization_response_iss_parameter_supported === true)) {
    scope.log.warn({ idp: "oidc" }, "authorization response from another issuer");
    throw new AppError("SSO_TICKET_REJECTED", school);
  }
  let tokens;
  try {
    tokens = await exchangeCode(discovery, {
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      code,
      redirectUri: pending.redirectUri,
      verifier: pending.verifier,
    });
  } catch (failure) {
    if (!(failure instanceof TokenError)) throw failure;
    scope.log.warn({ idp: "oidc", problem: failure.problem, oauthError: failure.oauthError }, "token request failed");
    throw new AppError(failure.problem === "unreachable" ? "SSO_SERVER_UNREACHABLE" : "SSO_TICKET_REJECTED", school);
  }
  let claims;
  try {
    claims = await verifyIdToken(tokens.id_token, {
      issuer,
      clientId: settings.clientId,
      nonce: pending.nonce,
      keys: await keyResolver(discovery.jwks_uri),
      algorithms: discovery.id_token_signing_alg_values_supported,
      ...(proof.renew ? { authenticatedSince: Math.floor(proof.startedAt / 1000) } : {}),
    });
  } catch (failure) {
    if (failure instanceof IdTokenRejected) {
      scope.log.warn({ idp: "oidc", problem: failure.problem }, "id_token refused");
      throw new AppError("SSO_SERVER_ANSWER_INVALID", school);
    }
    if (failure instanceof JwksError) throw new AppError("SSO_SERVER_UNREACHABLE", school);
    throw failure;
  }
  const claim = accountClaimOf(settings.accountAttribute);
  const extra = !(claim in claims) && tokens.access_token ? await userinfoClaims(discovery, tokens.access_token, claims.sub) : null;
  const member = await memberVouchedFor(scope, oidcIdentity({ ...extra, ...claims }, settings.accountAttribute), "OIDC");
  return { ...member, sso: { protocol: "OIDC", idToken: tokens.id_token } };
}

/** RP-Initiated Logout 1.0 §2: the provider's end_session_endpoint with the id_token as a hint. */
async function logout(scope: TenantScope, session: { idToken: string | null }, origin: string): Promise<URL | null> {
  const settings = await oidcClient(scope);
  const discovery = await discover(settings.issuer);
  return endSessionUrl(discovery, {
    idTokenHint: session.idToken,
    clientId: settings.clientId,
    postLogoutRedirectUri: loginPageUrl(origin),
  });
}

export const oidcProtocol: IdentityProtocol<OidcInput, OidcPending, OidcProof> = {
  kind: "OIDC",
  settings: oidcSettingsFields,
  checks: oidcChecks,
  start,
  callback: {
    pending,
    loginValue: (values) => values.state,
    answerParam: "state",
    // response_mode=form_post (OAuth 2.0 Form Post Response Mode §2): the provider's page posts the answer.
    acceptsPost: true,
    proof: (params, login) => ({ params, pending: login.pending, renew: login.renew, startedAt: login.startedAt }),
  },
  finish,
  logout,
  registration: (origins) => [
    { label: "idp.oidcRedirect", values: origins.map(oidcRedirectUri) },
    { label: "idp.oidcPostLogout", values: origins.map(loginPageUrl) },
  ],
};
