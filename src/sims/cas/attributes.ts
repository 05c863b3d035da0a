// What `cas:attributes` holds: the authentication attributes the server adds itself, then the
// user's own. CAS 3.0 Appendix A requires authenticationDate, longTermAuthenticationRequestTokenUsed
// and isFromNewLogin first; the rest depends on the server.
import type { School } from "./config";
import type { ServiceTicket } from "./tickets";
import type { Attributes } from "./xml";

/** Java's ZonedDateTime.toString() in China time, as a Wisedu IDS writes it: `2023-04-29T09:29:17.370+08:00[GMT+08:00]` (reference §1.5) — not ISO 8601. */
function javaZonedChinaTime(ms: number): string {
  const shifted = new Date(ms + 8 * 3_600_000).toISOString(); // 2023-04-29T09:29:17.370Z in +08:00 wall time
  return `${shifted.slice(0, 23)}+08:00[GMT+08:00]`;
}

export function releasedAttributes(school: School, st: ServiceTicket, userAttributes: Attributes): Attributes {
  const fromNew = String(st.fromNewLogin);
  const longTerm = String(st.rememberMe);
  if (school.attributeStyle === "wisedu")
    // The fixture of reference §2.2 (a Wisedu "minos" IDS), in its order; its handler is a remember-me one.
    return {
      isFromNewLogin: fromNew,
      authenticationDate: javaZonedChinaTime(st.authenticatedAt),
      loginType: "1",
      successfulAuthenticationHandlers: "RememberMeUsernamePasswordHandler",
      ...userAttributes,
      samlAuthenticationStatementAuthMethod: "urn:oasis:names:tc:SAML:1.0:am:unspecified",
      credentialType: "MyRememberMeCaptchaCredential",
      authenticationMethod: "RememberMeUsernamePasswordHandler",
      longTermAuthenticationRequestTokenUsed: longTerm,
      cllt: "userNameLogin",
      dllt: "generalLogin",
    };
  // Apereo CAS: the three of Appendix A with an ISO 8601 date, then the authentication metadata it
  // adds (the same names appear in the Wisedu fixture, which is built on it), then the user's.
  return {
    authenticationDate: new Date(st.authenticatedAt).toISOString(),
    longTermAuthenticationRequestTokenUsed: longTerm,
    isFromNewLogin: fromNew,
    successfulAuthenticationHandlers: "QueryDatabaseAuthenticationHandler",
    credentialType: "UsernamePasswordCredential",
    authenticationMethod: "QueryDatabaseAuthenticationHandler",
    samlAuthenticationStatementAuthMethod: "urn:oasis:names:tc:SAML:1.0:am:password",
    ...userAttributes,
  };
}

/**
 * `format=JSON` attributes (CAS 3.0 §2.5.7): the spec's example gives a single value as a scalar
 * and several as an array; Apereo CAS writes every attribute as an array (its tests read
 * `attributes.lastName[0]`, reference §1.6). Clients must take both.
 */
export function jsonAttributes(school: School, attributes: Attributes): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => {
      const values = Array.isArray(value) ? value : [value];
      return [name, school.attributeStyle === "apereo" || values.length !== 1 ? values : (values[0] ?? "")];
    }),
  );
}
