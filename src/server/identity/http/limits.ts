// How often the unified login's routes may be used, sized for a campus (README "Security: limits and
// why"): an orientation hall of 2,000 freshmen may tap 【统一身份认证登录】 in the same minute behind
// one campus NAT address, so what is counted per address must let all of them through, and what one
// client may spend is counted by what only that client has: its pending login.
import { createHash } from "node:crypto";
import type { RateLimitRule } from "~/server/security/rate-limit";
import { addressKey } from "~/server/http/address-key";

/**
 * Starts per address (an IPv6 /64) and school, a minute: 2,000 freshmen behind one address, each
 * tapping once and some twice. A start spends nothing of the school's (OIDC discovery is cached) and
 * writes nothing but this browser's cookie; the limit only stops one address scripting tens a second.
 */
export const SSO_STARTS_PER_ADDRESS = 3000;

/**
 * Callbacks per pending login, over its ten-minute life. A browser calls back once (the callback
 * clears the login), a double navigation twice; beyond that it is a script replaying the sealed
 * login cookie to make the school's server validate guess after guess.
 */
export const SSO_CALLBACKS_PER_LOGIN = 3;

/**
 * Callbacks per address and school, a minute, counted only for callbacks that answer a live
 * pending login of this browser (each needed a start): the same 2,000 freshmen behind one address.
 */
export const SSO_CALLBACKS_PER_ADDRESS = 3000;

export function ssoStartLimit(tenantId: string, ip: string | null): RateLimitRule {
  return { key: `sso-start:${tenantId}:${addressKey(ip)}`, limit: SSO_STARTS_PER_ADDRESS, windowSeconds: 60 };
}

/** Keyed by a digest of the login's own random value (CAS nonce, OIDC state): the table never holds the value. */
export function ssoLoginCallbackLimit(tenantId: string, loginValue: string): RateLimitRule {
  const tag = createHash("sha256").update(`${tenantId}:${loginValue}`).digest("hex").slice(0, 32);
  return { key: `sso-callback:login:${tag}`, limit: SSO_CALLBACKS_PER_LOGIN, windowSeconds: 600 };
}

export function ssoCallbackLimit(tenantId: string, ip: string | null): RateLimitRule {
  return { key: `sso-callback:${tenantId}:${addressKey(ip)}`, limit: SSO_CALLBACKS_PER_ADDRESS, windowSeconds: 60 };
}

/**
 * Answers that arrive as a form post (OIDC form_post, SAML HTTP-POST), per address and school, a
 * minute: each is kept in a row until the GET it is redirected to, before any pending login can be
 * checked (the post carries none of our cookies), so a flood is cut here — sized, like the rest,
 * for a hall of freshmen behind one address, and keyed apart so it spends none of their callbacks.
 */
export const SSO_POSTED_ANSWERS_PER_ADDRESS = 3000;

export function ssoPostedAnswerLimit(tenantId: string, ip: string | null): RateLimitRule {
  return { key: `sso-post:${tenantId}:${addressKey(ip)}`, limit: SSO_POSTED_ANSWERS_PER_ADDRESS, windowSeconds: 60 };
}
