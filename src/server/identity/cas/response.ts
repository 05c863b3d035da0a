// A validation answer (CAS 3.0 §2.5.2 and Appendix A), read as the untrusted
// document it is (reference §3.4): the root must be `serviceResponse` in the
// CAS namespace with exactly one element child; success only when that child
// is `authenticationSuccess` with exactly one non-empty `user`. Tolerated, as
// real servers send them (reference §1.5, §2.3): the CAS namespace as the
// default namespace, an `attributes` block without prefix or namespace (USTC),
// several `attributes` blocks, django-cas-server's `<cas:attribute name value/>`
// elements, and whitespace around values. Every value stays a string; every
// attribute is a list (a multi-valued attribute repeats its element).
import { parseXmlDocument, XmlRefused, type XmlElement } from "./xml";

export const CAS_NAMESPACE = "http://www.yale.edu/tp/cas";

export type CasAttributes = Record<string, string[]>;

export type CasAnswer =
  | { kind: "success"; user: string; attributes: CasAttributes }
  /** `code` is one of §2.5.3's or INVALID (not a code at all); the server's text is never kept: old servers echo the ticket in it. */
  | { kind: "failure"; code: string };

const isCas = (e: XmlElement) => e.namespace === CAS_NAMESPACE;

function addAttribute(attributes: CasAttributes, name: string, value: string): void {
  // Names a JavaScript object would treat specially never become keys.
  if (!/^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$/.test(name) || name === "__proto__") return;
  (attributes[name] ??= []).push(value.trim());
}

function readAttributes(success: XmlElement): CasAttributes {
  const attributes: CasAttributes = Object.create(null) as CasAttributes;
  for (const child of success.children) {
    // Prefixed (CAS 3.0) or without namespace (USTC's self-built CAS, reference §2.3); more than one block merges.
    if (child.local === "attributes" && (isCas(child) || child.namespace === null)) {
      for (const attribute of child.children) {
        if (attribute.local === "attribute" && "name" in attribute.attributes) {
          addAttribute(attributes, attribute.attributes.name ?? "", attribute.attributes.value ?? attribute.text);
        } else if (attribute.children.length === 0) addAttribute(attributes, attribute.local, attribute.text);
      }
    } else if (child.local === "attribute" && isCas(child) && "name" in child.attributes) {
      // django-cas-server also writes <cas:attribute name="cn" value="…"/> beside the block (reference §1.5).
      addAttribute(attributes, child.attributes.name ?? "", child.attributes.value ?? "");
    }
  }
  return { ...attributes };
}

/** The answer, or XmlRefused when the document is not a CAS answer at all. */
export function parseCasAnswer(xml: string): CasAnswer {
  const root = parseXmlDocument(xml);
  if (!isCas(root) || root.local !== "serviceResponse") throw new XmlRefused("shape");
  if (root.children.length !== 1 || root.text.trim() !== "") throw new XmlRefused("shape");
  const outcome = root.children[0]!;
  if (!isCas(outcome)) throw new XmlRefused("shape");
  if (outcome.local === "authenticationFailure") {
    const code = outcome.attributes.code ?? "";
    return { kind: "failure", code: /^[A-Z_]{1,64}$/.test(code) ? code : "INVALID" };
  }
  if (outcome.local !== "authenticationSuccess") throw new XmlRefused("shape");
  const users = outcome.children.filter((c) => isCas(c) && c.local === "user");
  const user = users[0]?.text.trim() ?? "";
  if (users.length !== 1 || users[0]!.children.length > 0 || user === "") throw new XmlRefused("shape");
  return { kind: "success", user, attributes: readAttributes(outcome) };
}
