// Reading CAS answers in tests.
import { XMLParser } from "fast-xml-parser";

/** Parses a CAS answer as a careful client must (reference §3.4–3.6): no entities, every value a string, attributes as lists. */
export function parseCas(xml: string): {
  success?: { user: string; attributes: Record<string, string[]> };
  failure?: { code: string; text: string };
} {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    isArray: (_name, jpath) => String(jpath).startsWith("serviceResponse.authenticationSuccess.attributes."),
  });
  const doc = parser.parse(xml) as {
    serviceResponse?: {
      authenticationSuccess?: { user: string; attributes?: Record<string, string[]> };
      authenticationFailure?: { code: string; "#text"?: string };
    };
  };
  const r = doc.serviceResponse;
  if (r?.authenticationSuccess)
    return { success: { user: r.authenticationSuccess.user, attributes: r.authenticationSuccess.attributes ?? {} } };
  if (r?.authenticationFailure)
    return { failure: { code: r.authenticationFailure.code, text: (r.authenticationFailure["#text"] ?? "").trim() } };
  return {};
}
