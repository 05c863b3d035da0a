// The tRPC endpoint as a browser (or an attacker's page) reaches it over HTTP:
// the route handler itself, called with real requests (security review M4, M5).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "~/app/api/trpc/[trpc]/route";
import { adminClaims, makeTenant, requestHeaders, testPrisma, type TestTenant } from "./support";

const prisma = testPrisma();
let school: TestTenant;

beforeAll(async () => {
  school = await makeTenant(prisma);
});
afterAll(() => prisma.$disconnect());

type Init = { method?: string; headers?: Record<string, string>; body?: BodyInit; signedIn?: boolean; path?: string };

/** A request to the school's tRPC endpoint, signed in as its IT admin unless told otherwise. */
async function call(init: Init = {}): Promise<Response> {
  const headers = await requestHeaders(school.host, init.signedIn === false ? undefined : adminClaims(school));
  for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
  const method = init.method ?? "POST";
  const request = new Request(`http://${school.host}/api/trpc/${init.path ?? "admin.wecom.regenerateCallbackKeys"}`, {
    method,
    headers,
    body: init.body,
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
  return method === "GET" ? GET(request) : POST(request);
}

const json = { "content-type": "application/json" };
const callbackToken = () => prisma.tenant.findUniqueOrThrow({ where: { id: school.tenantId } }).then((t) => JSON.stringify(t));

async function errorOf(response: Response) {
  // tRPC's superjson transformer wraps every answer in { json }.
  const body = (await response.json()) as { error: { json: { message: string; data: { appCode: string; httpStatus: number } } } };
  return body.error.json;
}

describe("tRPC over HTTP", () => {
  it("runs a same-origin JSON mutation and marks the answer private, no-store", async () => {
    const response = await call({ headers: { ...json, origin: `http://${school.host}`, "sec-fetch-site": "same-origin" }, body: "{}" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses a multipart form post (what a cross-site <form> sends) with 415, before running the mutation", async () => {
    const before = await callbackToken();
    const form = new FormData();
    form.set("x", "1");
    const response = await call({ body: form });
    expect(response.status).toBe(415);
    expect((await errorOf(response)).data.appCode).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await callbackToken()).toBe(before);
  });

  it("refuses a urlencoded or text/plain post with 415", async () => {
    for (const type of ["application/x-www-form-urlencoded", "text/plain"]) {
      const response = await call({ headers: { "content-type": type }, body: "{}" });
      expect(response.status).toBe(415);
    }
  });

  it("refuses a JSON post whose Origin is a sibling school with 403, leaving the keys alone", async () => {
    const before = await callbackToken();
    const response = await call({ headers: { ...json, origin: "http://evil.localhost" }, body: "{}" });
    expect(response.status).toBe(403);
    const error = await errorOf(response);
    expect(error.data.appCode).toBe("CROSS_SITE_REFUSED");
    expect(error.message).toContain("其他网站");
    expect(await callbackToken()).toBe(before);
  });

  it("refuses an Origin on the same host but another scheme", async () => {
    const response = await call({ headers: { ...json, origin: `https://${school.host}` }, body: "{}" });
    expect(response.status).toBe(403);
  });

  it("refuses requests the browser marks cross-site or same-site, queries included", async () => {
    for (const site of ["cross-site", "same-site"]) {
      expect((await call({ headers: { ...json, "sec-fetch-site": site }, body: "{}" })).status).toBe(403);
      expect((await call({ method: "GET", path: "admin.directory.overview", headers: { "sec-fetch-site": site } })).status).toBe(403);
    }
  });

  it("answers a signed-in query with private, no-store", async () => {
    const response = await call({ method: "GET", path: "admin.directory.overview", headers: { "sec-fetch-site": "same-origin" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses a batch of 11 calls, and runs a batch of 10", async () => {
    const paths = (n: number) => Array.from({ length: n }, () => "school.tenant.current").join(",");
    const eleven = await call({ method: "GET", path: `${paths(11)}?batch=1&input={}` });
    expect(eleven.status).toBe(400);
    const ten = await call({ method: "GET", path: `${paths(10)}?batch=1&input={}` });
    expect(ten.status).toBe(200);
  });

  it("refuses a body over 1 MiB with 413 when its length is declared", async () => {
    const response = await call({ headers: json, body: `{"json":"${"a".repeat(1024 * 1024)}"}` });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).data.appCode).toBe("PAYLOAD_TOO_LARGE");
  });

  it("stops reading a chunked body as soon as it passes 1 MiB, answering 413", async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(97);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        // 200 MiB if it were read whole.
        if (sent > 200 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await call({ headers: json, body });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });

  it("answers transport errors with 4xx and a catalogue message, never 500", async () => {
    const unknown = await call({ method: "GET", path: "nope.nothing" });
    expect(unknown.status).toBe(404);
    const badJson = await call({ path: "admin.directory.unlock", headers: json, body: "{not json" });
    expect(badJson.status).toBe(400);
    expect((await errorOf(badJson)).message).toContain("输入有误");
    const queryByPost = await call({ path: "admin.directory.overview", headers: json, body: "{}" });
    expect(queryByPost.status).toBe(405);
    const put = await call({ method: "PUT", headers: json, body: "{}" });
    expect(put.status).toBe(405);
  });
});
