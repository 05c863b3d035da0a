// Reading a CAS validation answer as the untrusted document it is (reference §1.5, §3.4–3.6):
// namespaces resolved, not guessed from prefixes; values kept as strings; the deviations real
// servers send tolerated; anything that is not exactly one CAS outcome refused.
import { describe, expect, it } from "vitest";
import { parseCasAnswer } from "~/server/identity/cas/response";
import { ticketOfLogoutRequest } from "~/server/identity/cas/slo";
import { casIdentity } from "~/server/identity/cas/identity";

const NS = "http://www.yale.edu/tp/cas";
const success = (inner: string, prefix = "cas") =>
  `<${prefix}:serviceResponse xmlns:${prefix}='${NS}'><${prefix}:authenticationSuccess>${inner}</${prefix}:authenticationSuccess></${prefix}:serviceResponse>`;

describe("a CAS answer", () => {
  it("keeps a 学号 as written: leading zeros, 20 digits, no number conversion", () => {
    const answer = parseCasAnswer(success("<cas:user>\n  00210012345678901234 </cas:user>"));
    expect(answer).toEqual({ kind: "success", user: "00210012345678901234", attributes: {} });
  });

  it("reads attributes as lists, from every block, prefixed or not, and django-style name/value elements", () => {
    const answer = parseCasAnswer(
      success(
        "<cas:user>2024001</cas:user><cas:attributes><cas:cn>张&amp;三</cas:cn><cas:memberOf>a</cas:memberOf><cas:memberOf>b</cas:memberOf></cas:attributes>" +
          '<attributes><gid>0077</gid></attributes><cas:attribute name="mail" value="z@example.edu.cn"/>',
      ),
    );
    expect(answer).toEqual({
      kind: "success",
      user: "2024001",
      attributes: { cn: ["张&三"], memberOf: ["a", "b"], gid: ["0077"], mail: ["z@example.edu.cn"] },
    });
  });

  it("takes any prefix bound to the CAS namespace, and the namespace as default", () => {
    expect(parseCasAnswer(success("<x:user>u</x:user>", "x")).kind).toBe("success");
    expect(
      parseCasAnswer(`<serviceResponse xmlns="${NS}"><authenticationSuccess><user>u</user></authenticationSuccess></serviceResponse>`).kind,
    ).toBe("success");
  });

  it("reads a failure's code and never its text", () => {
    expect(
      parseCasAnswer(
        `<cas:serviceResponse xmlns:cas="${NS}"><cas:authenticationFailure code="INVALID_TICKET">Ticket ST-1 not recognized</cas:authenticationFailure></cas:serviceResponse>`,
      ),
    ).toEqual({
      kind: "failure",
      code: "INVALID_TICKET",
    });
  });

  it.each([
    [
      "a cas: prefix bound to another namespace",
      `<cas:serviceResponse xmlns:cas="http://evil"><cas:authenticationSuccess><cas:user>u</cas:user></cas:authenticationSuccess></cas:serviceResponse>`,
    ],
    [
      "an unbound prefix",
      `<cas:serviceResponse><cas:authenticationSuccess><cas:user>u</cas:user></cas:authenticationSuccess></cas:serviceResponse>`,
    ],
    [
      "two outcomes",
      `<cas:serviceResponse xmlns:cas="${NS}"><cas:authenticationFailure code="X"/><cas:authenticationSuccess><cas:user>u</cas:user></cas:authenticationSuccess></cas:serviceResponse>`,
    ],
    ["two users", success("<cas:user>a</cas:user><cas:user>b</cas:user>")],
    ["an empty user", success("<cas:user> </cas:user>")],
    ["a user with markup inside", success("<cas:user>a<cas:x>b</cas:x></cas:user>")],
    ["a DOCTYPE", `<!DOCTYPE x [<!ENTITY a "b">]>${success("<cas:user>&a;</cas:user>")}`],
    ["truncated XML", success("<cas:user>u</cas:us")],
    [
      "a success smuggled into a failure's text",
      `<cas:serviceResponse xmlns:cas="${NS}"><cas:authenticationFailure code="INVALID_TICKET">Ticket ST-1</cas:authenticationFailure><cas:authenticationSuccess><cas:user>admin</cas:user></cas:authenticationSuccess></cas:serviceResponse>`,
    ],
    ["an HTML page", "<!doctype html><html><body>login</body></html>"],
  ])("is refused with %s", (_what, xml) => {
    expect(() => parseCasAnswer(xml)).toThrow(/XML refused/);
  });

  it("names the account by the configured attribute, or cas:user, never by cn", () => {
    const answer = parseCasAnswer(
      success("<cas:user>login-name</cas:user><cas:attributes><cas:uid>2024001</cas:uid><cas:cn>张三</cas:cn></cas:attributes>"),
    );
    if (answer.kind !== "success") throw new Error("expected success");
    expect(casIdentity(answer, "").account).toBe("login-name");
    expect(casIdentity(answer, "uid")).toMatchObject({ account: "2024001", name: "张三" });
    expect(() => casIdentity(answer, "eduPersonStudentID")).toThrow();
  });
});

describe("a single-logout request", () => {
  it("names the service ticket in SessionIndex", () => {
    const xml = `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="LR-1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"><saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">@NOT_USED@</saml:NameID><samlp:SessionIndex>ST-abc-cas</samlp:SessionIndex></samlp:LogoutRequest>`;
    expect(ticketOfLogoutRequest(xml)).toBe("ST-abc-cas");
    expect(ticketOfLogoutRequest(xml.replace("ST-abc-cas", "ST-a&lt;b"))).toBeNull();
    expect(ticketOfLogoutRequest(xml.replace('xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"', 'xmlns:samlp="urn:x"'))).toBeNull();
    expect(ticketOfLogoutRequest(`<!DOCTYPE x>${xml}`)).toBeNull();
  });
});
