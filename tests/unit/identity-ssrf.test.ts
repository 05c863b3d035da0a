// Nothing a school's admin types may make the server call an address of their choosing: the
// address rules when saved (school-url.ts), the resolved addresses at every connection
// (guarded-request.ts: against DNS rebinding), no redirects followed, bounded time and body —
// except the origins on the operator's list of private origins, allowed exactly as listed. Each rule has a
// test that fails without it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OutboundError, schoolRequest, setResolverForTests } from "~/server/identity/outbound/guarded-request";
import { setPrivateOriginsForTests, type PrivateOrigins } from "~/server/identity/outbound/private-origins";
import { isPublicAddress } from "~/server/identity/outbound/public-address";
import { parseSchoolUrl } from "~/server/identity/outbound/school-url";

let server: Server;
let origin = "";
let connections = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/redirect") res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    else if (req.url === "/big") res.writeHead(200).end("x".repeat(200_000));
    else if (req.url === "/slow") setTimeout(() => res.writeHead(200).end("late"), 3_000);
    else res.writeHead(200).end("hello");
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The operator's list as schoolRequest reads it at each call (no database in unit tests). */
let listed: PrivateOrigins = new Map();
const listOnly = (...origins: string[]) => (listed = new Map(origins.map((o) => [o, "测试"])));
beforeEach(() => {
  listed = new Map();
  setPrivateOriginsForTests(() => Promise.resolve(listed));
});
afterEach(() => {
  setResolverForTests(null);
  setPrivateOriginsForTests(null);
});

const refusal = (raw: string) => {
  const parsed = parseSchoolUrl(raw, listed);
  return parsed.ok ? "ok" : parsed.reason;
};

describe("a school server's address, as typed", () => {
  it("is an https URL on a public DNS name and the default port", () => {
    expect(refusal("https://ids.example.edu.cn/authserver")).toBe("ok");
    expect(refusal("https://cas.example.edu.cn")).toBe("ok");
  });

  it.each([
    ["http://ids.example.edu.cn/authserver", "not_https"],
    ["ftp://ids.example.edu.cn/", "not_https"],
    ["https://admin:pw@ids.example.edu.cn/cas", "credentials"],
    ["https://ids.example.edu.cn:8443/cas", "port"],
    ["https://10.0.0.5/cas", "address_literal"],
    ["https://127.0.0.1/cas", "address_literal"],
    ["https://[::1]/cas", "address_literal"],
    ["https://169.254.169.254/latest", "address_literal"],
    ["https://2130706433/", "address_literal"],
    ["https://0x7f000001/", "address_literal"],
    ["https://localhost/cas", "local_name"],
    ["https://cas.localhost/cas", "local_name"],
    ["https://intranet/cas", "local_name"],
    ["https://cas.corp/cas", "local_name"],
    ["https://ids.example.edu.cn/authserver/login?service=x", "query"],
    ["not a url", "invalid"],
  ])("refuses %s (%s)", (raw, reason) => {
    expect(refusal(raw)).toBe(reason);
  });

  it("allows an origin on the operator's list exactly as listed, and nothing beside it", () => {
    listOnly("http://10.20.0.5:8080", "https://ids.campus.intranet");
    expect(refusal("http://10.20.0.5:8080/authserver")).toBe("ok");
    expect(refusal("https://ids.campus.intranet/cas")).toBe("ok");
    expect(parseSchoolUrl("http://10.20.0.5:8080/authserver", listed)).toMatchObject({ ok: true, listed: "测试" });
    // The same host on another port, the other scheme, a neighbour: today's rules.
    expect(refusal("http://10.20.0.5:8081/authserver")).toBe("not_https");
    expect(refusal("https://10.20.0.5:8080/authserver")).toBe("port");
    expect(refusal("http://10.20.0.6:8080/authserver")).toBe("not_https");
    expect(refusal("https://ids.campus.intranet:8443/cas")).toBe("port");
    // Never with credentials, listed or not.
    expect(refusal("http://admin:pw@10.20.0.5:8080/authserver")).toBe("credentials");
  });

  it("opens nothing for the old simulator variables: the list is the one way", async () => {
    process.env.CAS_SIMULATOR_URL = origin;
    process.env.OIDC_SIMULATOR_URL = origin;
    try {
      expect(refusal(`${origin}/sues/authserver`)).toBe("not_https");
      await expect(schoolRequest(new URL(`${origin}/`))).rejects.toMatchObject({ failure: { kind: "not_allowed" } });
    } finally {
      delete process.env.CAS_SIMULATOR_URL;
      delete process.env.OIDC_SIMULATOR_URL;
    }
  });

  it("refuses a private address not on the list", () => {
    expect(refusal("http://10.20.0.5:8080/authserver")).toBe("not_https");
    expect(refusal("https://ids.campus.intranet/cas")).toBe("local_name");
  });
});

describe("the addresses a name resolves to", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.100.100.200",
    "0.0.0.0",
    "::1",
    "fe80::1",
    "fc00::1",
    "::ffff:10.0.0.1",
    "64:ff9b::a00:1",
  ])("%s is not public", (address) => expect(isPublicAddress(address)).toBe(false));
  it.each(["202.120.2.101", "8.8.8.8", "2400:3200::1"])("%s is public", (address) => expect(isPublicAddress(address)).toBe(true));

  it("are checked at connection time: a public-looking name that now resolves to loopback is refused before anything is sent", async () => {
    const port = (server.address() as AddressInfo).port;
    // Saved while it resolved to a public address; today it answers 127.0.0.1 (DNS rebinding).
    setResolverForTests(() => Promise.resolve([{ address: "127.0.0.1", family: 4 }]));
    const before = connections;
    const url = new URL(`https://ids.example.edu.cn/authserver`);
    await expect(schoolRequest(url)).rejects.toMatchObject({
      failure: { kind: "blocked_address", host: "ids.example.edu.cn" },
    });
    // The refusal names the host, never the address it resolved to.
    expect(JSON.stringify(await schoolRequest(url).catch((error: unknown) => error))).not.toContain("127.0.0.1");
    // The same with a port the test server listens on: still no connection is made.
    await expect(schoolRequest(new URL(`https://ids.example.edu.cn:${port}/`))).rejects.toBeInstanceOf(OutboundError);
    expect(connections).toBe(before);
  });

  it("refuses plain http to anything not on the operator's list", async () => {
    await expect(schoolRequest(new URL(`${origin}/`))).rejects.toMatchObject({ failure: { kind: "not_allowed" } });
  });

  it("lets a listed origin reach its private address, and no other name that resolves there", async () => {
    listOnly(origin);
    expect((await schoolRequest(new URL(`${origin}/`))).body).toBe("hello");
    // A public-looking name that resolves to the listed address is still held to public addresses.
    setResolverForTests(() => Promise.resolve([{ address: "127.0.0.1", family: 4 }]));
    const port = (server.address() as AddressInfo).port;
    await expect(schoolRequest(new URL(`https://ids.example.edu.cn:${port}/`))).rejects.toMatchObject({
      failure: { kind: "blocked_address" },
    });
  });

  it("reads the list at every call: an origin removed stops working at the next call", async () => {
    listOnly(origin);
    expect((await schoolRequest(new URL(`${origin}/`))).status).toBe(200);
    listOnly();
    await expect(schoolRequest(new URL(`${origin}/`))).rejects.toMatchObject({ failure: { kind: "not_allowed" } });
  });
});

describe("a call to the school's server (here a listed private origin)", () => {
  const asSimulator = () => listOnly(origin);

  it("does not follow redirects: a 3xx is the answer", async () => {
    asSimulator();
    const answer = await schoolRequest(new URL(`${origin}/redirect`));
    expect(answer.status).toBe(302);
  });

  it("stops reading past the size cap", async () => {
    asSimulator();
    await expect(schoolRequest(new URL(`${origin}/big`), { maxBytes: 64 * 1024 })).rejects.toMatchObject({
      failure: { kind: "too_large" },
    });
  });

  it("gives up after its deadline", async () => {
    asSimulator();
    await expect(schoolRequest(new URL(`${origin}/slow`), { timeoutMs: 300 })).rejects.toMatchObject({
      failure: { kind: "timeout" },
    });
  });

  it("answers within the rules", async () => {
    asSimulator();
    expect((await schoolRequest(new URL(`${origin}/`))).body).toBe("hello");
  });
});
