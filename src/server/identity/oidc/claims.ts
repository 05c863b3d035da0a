// The person an id_token (and, when the token lacks the account, the userinfo
// answer, OIDC Core §5.3) names: the account from the claim the school
// configured (accountAttribute) — never `name` — and by default `sub`, the one
// claim OIDC Core §2 and §5.7 promise is never reassigned. `preferred_username`
// (like `email`) is a name the person or the provider's admins may change, and
// §5.7 says it may be reused: keyed by it, a freshman given a graduate's old
// username would be signed in as the graduate. A school whose provider puts the
// 学号 there and never reuses it may choose it, deliberately, in the settings.
import { z } from "zod";
import { OutboundError, schoolRequest } from "../outbound/guarded-request";
import { accountFromSchool, firstValue, kindHintsOf, type SchoolIdentity } from "../school-identity";
import type { Discovery } from "./discovery";

/** Claims as lists of strings, the way CAS attributes are: only strings and numbers count (a number keeps its digits). */
function asValues(claims: Record<string, unknown>): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(claims)) {
    const list = Array.isArray(value) ? (value as unknown[]) : [value];
    const strings = list.flatMap((v) =>
      typeof v === "string" ? [v] : typeof v === "number" && Number.isSafeInteger(v) ? [String(v)] : [],
    );
    if (strings.length > 0) values[name] = strings;
  }
  return values;
}

export const accountClaimOf = (accountAttribute: string) => accountAttribute || "sub";

export function oidcIdentity(claims: Record<string, unknown>, accountAttribute: string): SchoolIdentity {
  const values = asValues(claims);
  const claim = accountClaimOf(accountAttribute);
  return {
    account: accountFromSchool(firstValue(values, [claim]), claim),
    name: firstValue(values, ["name", "nickname"]),
    kindHints: kindHintsOf(values),
  };
}

/** The userinfo claims, when the id_token has not got the account; their `sub` must be the token's (§5.3.2). */
export async function userinfoClaims(discovery: Discovery, accessToken: string, sub: string): Promise<Record<string, unknown> | null> {
  if (!discovery.userinfo_endpoint) return null;
  try {
    const answer = await schoolRequest(new URL(discovery.userinfo_endpoint), {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
    });
    if (answer.status !== 200) return null;
    const parsed = z.record(z.string(), z.unknown()).safeParse(JSON.parse(answer.body));
    return parsed.success && parsed.data.sub === sub ? parsed.data : null;
  } catch (error) {
    if (error instanceof OutboundError || error instanceof SyntaxError) return null;
    throw error;
  }
}
