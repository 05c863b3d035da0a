// XML from a school's server, read safely (reference §3.4–3.6). A CAS answer
// never needs a DTD, so any document with one is refused before parsing
// (XXE, entity bombs); fast-xml-parser is then run with entity processing off,
// every value kept as a string (student numbers keep their leading zeros and
// their 20 digits), and its ordered output walked here with the namespace
// declarations resolved — a `cas:` prefix means nothing unless it is bound to
// the CAS namespace, and a default namespace counts as much as a prefix.
import { XMLParser, XMLValidator } from "fast-xml-parser";

/** An element with its resolved namespace, local name, attributes (unprefixed names) and children in order. */
export type XmlElement = {
  namespace: string | null;
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (its direct text children, joined). */
  text: string;
};

export class XmlRefused extends Error {
  constructor(readonly reason: "doctype" | "malformed" | "shape") {
    super(`XML refused: ${reason}`);
    this.name = "XmlRefused";
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

/** XML's five predefined entities and character references: all a CAS value may carry, expanded by us, never a DTD's. */
function decodeText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, name: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (named[name]) return named[name];
    const code = name.startsWith("#x") ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function toElement(node: OrderedNode, scope: Map<string, string>): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ":@");
  if (!name || name === "#text" || name.startsWith("?") || name.startsWith("!")) return null;
  const rawAttributes = node[":@"] ?? {};
  const inner = new Map(scope);
  const attributes: Record<string, string> = {};
  for (const [attr, value] of Object.entries(rawAttributes)) {
    if (attr === "xmlns") inner.set("", value);
    else if (attr.startsWith("xmlns:")) inner.set(attr.slice(6), value);
    else attributes[attr.includes(":") ? attr.slice(attr.indexOf(":") + 1) : attr] = decodeText(String(value));
  }
  const colon = name.indexOf(":");
  const prefix = colon === -1 ? "" : name.slice(0, colon);
  const local = colon === -1 ? name : name.slice(colon + 1);
  const namespace = inner.get(prefix) ?? null;
  // An undeclared prefix is not well-formed namespace XML.
  if (prefix !== "" && namespace === null) throw new XmlRefused("malformed");
  const content = (node[name] as OrderedNode[] | undefined) ?? [];
  const children: XmlElement[] = [];
  let text = "";
  for (const child of content) {
    if ("#text" in child) text += decodeText(String(child["#text"]));
    else {
      const element = toElement(child, inner);
      if (element) children.push(element);
    }
  }
  return { namespace, local, attributes, children, text };
}

/** The document's root element, or XmlRefused. `xml` has already been size-capped by the caller. */
export function parseXmlDocument(xml: string): XmlElement {
  // A CAS answer or a SAML logout request has no DTD; one here is an attack or a broken server (reference §3.5).
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new XmlRefused("doctype");
  if (XMLValidator.validate(xml) !== true) throw new XmlRefused("malformed");
  let ordered: OrderedNode[];
  try {
    ordered = parser.parse(xml) as OrderedNode[];
  } catch {
    throw new XmlRefused("malformed");
  }
  const roots = ordered
    .map((node) => toElement(node, new Map([["xml", "http://www.w3.org/XML/1998/namespace"]])))
    .filter((e) => e !== null);
  if (roots.length !== 1) throw new XmlRefused("malformed");
  return roots[0]!;
}
