// What a school's CAS server is, as PUT /__sim/schools/:id takes it. One simulator serves several
// schools at once, each at its own base path, because schools deploy CAS at `/authserver`
// (Wisedu/金智 IDS), at `/cas` (Apereo's default context) or at the root of a host
// (reference §2.1). The defaults are the common case; each option is a real-world deviation a
// client must survive (reference §1.5, §2.5, §3).
import { z } from "zod";

/** XML element names the attributes become (`<cas:NAME>`): an XML Name without a colon, so the document stays well-formed. */
const attributeName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, "an XML name: letters, digits, _ . -, not starting with a digit");
const attributeValue = z.union([z.string().max(4096), z.array(z.string().max(4096)).max(64)]);

export const casUserInput = z.strictObject({
  /** What the user types as 用户名 and what `cas:user` answers (a 学号/工号: keep leading zeros, it is a string). */
  account: z.string().min(1).max(64),
  password: z.string().min(1).max(128),
  /** Released as `cas:attributes`; a list is a multi-valued attribute (the element repeats). */
  attributes: z.record(attributeName, attributeValue).default({}),
});
export type CasUser = z.output<typeof casUserInput>;

/** "" (the root of the host), or "/seg/seg" without a trailing slash; `/__sim` is the control API's. */
const basePath = z
  .string()
  .transform((p) => (p === "/" ? "" : p))
  .pipe(
    z
      .string()
      .regex(/^(\/[A-Za-z0-9._~-]+)*$/, 'a path such as "/sues/authserver", "/imut/cas" or "/" (root), without a trailing slash')
      .refine((p) => p !== "/__sim" && !p.startsWith("/__sim/"), "/__sim is the control API"),
  );

export const SCHOOL_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

export const schoolInput = z.strictObject({
  /** The school's id in the control API; matches the path's :id when both are given. */
  id: z.string().regex(SCHOOL_ID).optional(),
  basePath,
  /** The login page's heading, e.g. 上海工程技术大学统一身份认证. */
  title: z.string().min(1).max(64),
  users: z.array(casUserInput).max(10_000).default([]),
  /**
   * "apereo" (default): Apereo CAS — cookie TGC, ISO dates, JSON attributes always arrays.
   * "wisedu": a Wisedu/金智 IDS built on it — cookie CASTGC, the authentication attributes of
   * reference §2.2 with Java's non-ISO date text, `ST-…-cas` tickets.
   */
  attributeStyle: z.enum(["apereo", "wisedu"]).default("apereo"),
  /**
   * Attributes on the CAS 2.0 `/serviceValidate` and `/proxyValidate` too. Apereo CAS and Wisedu
   * IDS release them there today (reference §1.1 note, §2.1); false = a strict CAS 2.0 server,
   * where only `/p3/…` carries them (CAS 3.0 §2.5.5, §2.8).
   */
  serviceValidateAttributes: z.boolean().default(true),
  /** Whether `/p3/serviceValidate` and `/p3/proxyValidate` exist; false answers them 404 (not confirmed on Wisedu IDS, reference §2.1). */
  p3: z.boolean().default(true),
  /** "supported" (CAS 3.0 §2.5.1 `format=JSON`), or "ignored": XML whatever `format` says, as django-cas-server 2.0 does (reference §1.4). */
  jsonFormat: z.enum(["supported", "ignored"]).default("supported"),
  /** Lifetime of an unvalidated service ticket. CAS 3.0 §3.1.1 recommends at most 5 minutes; django-cas-server uses 60 s, Apereo 10 s. */
  ticketTtlSeconds: z.number().int().min(1).max(3600).default(60),
  /**
   * Registered services: regular expressions a service URL must match (CAS 3.0 §2.2.1 "non-open
   * mode"; schools whitelist each application, reference §2.5). Empty = open mode: any http(s) URL.
   */
  services: z
    .array(
      z
        .string()
        .max(512)
        .refine((source) => {
          try {
            new RegExp(source);
            return true;
          } catch {
            return false;
          }
        }, "a regular expression"),
    )
    .max(100)
    .default([]),
  /** Single logout (CAS 3.0 §2.3.3): back-channel POSTs to every service of the session at logout. */
  singleLogout: z.boolean().default(true),
  /** `/logout?service=` redirects there (Apereo's `followServiceRedirects`); false shows the logged-out page only. */
  followServiceRedirects: z.boolean().default(true),
});
export type SchoolInput = z.input<typeof schoolInput>;

/** A seed (CAS_SIM_SEED_FILE) and the state file: schools with their ids. */
export const schoolsInput = z.array(schoolInput.extend({ id: z.string().regex(SCHOOL_ID) }));
export type School = z.output<typeof schoolInput> & { id: string };

/** Whether a school accepts `service` (CAS 3.0 §2.2.1: in non-open mode an unregistered service MUST be refused). */
export function serviceAllowed(school: School, service: string): boolean {
  let url: URL;
  try {
    url = new URL(service);
  } catch {
    return false;
  }
  // Even in open mode, only web URLs: the login redirects the browser there (no javascript: or data:).
  if (url.protocol !== "https:" && url.protocol !== "http:") return false;
  if (school.services.length === 0) return true;
  return school.services.some((source) => new RegExp(source).test(service));
}

/** The person behind a demo or test account, in the product's terms. */
export type Person = {
  account: string;
  name: string;
  /** The product's identity kind code (student_staff, candidate …). */
  kind: string;
  /** What the school calls the person's type: 本科生, 研究生, 教职工, 考生 … */
  type?: string;
  department?: string;
  email?: string;
};

/**
 * The attributes a school of each style releases for a person. Which attributes a school
 * releases is set per application by its IDS admin (reference §2.2), so these are examples a
 * tenant's attribute mapping must be able to read, not a standard:
 * - apereo: LDAP-style names Apereo CAS deployments release (`uid`, `cn`, `displayName`, `mail`,
 *   `memberOf`, `eduPersonAffiliation`, `ou`).
 * - wisedu: what a Wisedu "minos" IDS fixture shows (reference §2.2: `uid` = `cas:user`, `cn` and
 *   `userName` both the name, `bindUserList` the account); the person type as `userType` and the
 *   unit as `eduPersonOrgDN` are NOT confirmed for Wisedu (seen in a "legacy CAS" fixture and at
 *   Xiamen's IDS, reference §2.2–2.3), e-mail as `email` (seen at SHSMU).
 */
export function personAttributes(style: School["attributeStyle"], person: Person): Record<string, string | string[]> {
  const optional = (entries: [string, string | undefined][]) =>
    Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""));
  if (style === "wisedu")
    return {
      uid: person.account,
      cn: person.name,
      userName: person.name,
      bindUserList: person.account,
      ...optional([
        ["userType", person.type],
        ["eduPersonOrgDN", person.department],
        ["email", person.email],
      ]),
    };
  return {
    uid: person.account,
    cn: person.name,
    displayName: person.name,
    memberOf: [person.kind],
    ...optional([
      ["eduPersonAffiliation", person.type],
      ["ou", person.department],
      ["mail", person.email],
    ]),
  };
}
