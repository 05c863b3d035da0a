// A page that sends the member on after a form post (the bind page once the phone is bound) must
// make the browser fetch the next page, not post the form to it again: 303 after a post, as the
// server in front of Next (scripts/server.mjs) answers.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seeOtherAfterFormPost } from "~/server/http/see-other";

let server: Server;
let base: string;

beforeAll(async () => {
  // Answers as Next does for a page's redirect(): 307, by writeHead or by an implicit head.
  server = createServer((req, res) => {
    seeOtherAfterFormPost(req, res);
    if (req.url?.includes("implicit")) {
      res.statusCode = 307;
      res.setHeader("location", "/follow");
      res.end();
    } else res.writeHead(req.url?.includes("ok") ? 200 : 307, { location: "/follow" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const answer = async (method: "GET" | "POST", path: string) => {
  const response = await fetch(base + path, { method, redirect: "manual", ...(method === "POST" ? { body: "intent=next" } : {}) });
  return { status: response.status, location: response.headers.get("location") };
};

describe("a redirect after a form post", () => {
  it("sends the browser on with a GET (303), however the redirect's head is written", async () => {
    expect(await answer("POST", "/bind-phone")).toEqual({ status: 303, location: "/follow" });
    expect(await answer("POST", "/bind-phone?implicit=1")).toEqual({ status: 303, location: "/follow" });
  });

  it("leaves other answers, a GET's redirect and the API's routes as they are", async () => {
    expect(await answer("POST", "/bind-phone?ok=1")).toEqual({ status: 200, location: "/follow" });
    expect(await answer("GET", "/bind-phone")).toEqual({ status: 307, location: "/follow" });
    expect(await answer("POST", "/api/identity/start")).toEqual({ status: 307, location: "/follow" });
  });
});
