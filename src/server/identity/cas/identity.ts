// A CAS success as the person it names: the account is the school-configured
// attribute (a stable number where the school's `cas:user` is a login name that
// varies, reference §2.3 USTC) or `cas:user` itself; the name is `cn` and its
// fellows (Wisedu's portal reads `cn`, reference §2.2); the kind is whatever
// the school's attributes say (userType, memberOf, eduPersonAffiliation …).
import { accountFromSchool, firstValue, kindHintsOf, NAME_ATTRIBUTES, type SchoolIdentity } from "../school-identity";
import type { CasAnswer } from "./response";

export function casIdentity(answer: Extract<CasAnswer, { kind: "success" }>, accountAttribute: string): SchoolIdentity {
  const attribute = accountAttribute.replace(/^cas:/, "");
  const raw = attribute === "" || attribute === "user" ? answer.user : firstValue(answer.attributes, [attribute]);
  return {
    account: accountFromSchool(raw, attribute === "" ? "cas:user" : attribute),
    name: firstValue(answer.attributes, NAME_ATTRIBUTES),
    kindHints: kindHintsOf(answer.attributes),
  };
}
