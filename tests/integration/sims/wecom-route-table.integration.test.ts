// The WeCom simulator documents itself: GET /__sim lists its control routes and WeCom API routes
// from the very table the dispatcher serves, so the list cannot promise a route that is not there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTE_HEADER } from "~/sims/shared/routes";
import { makeCorp, startSim, type TestCorp, type TestSim } from "../wecom-sim/helpers";

type Listing = {
  simulator: string;
  control: { method: string; path: string; summary: string; body?: { type?: string } }[];
  api: { method: string; path: string; summary: string }[];
};

let sim: TestSim;
let corp: TestCorp;
let listing: Listing;
const userid = "route_table_member";
let wechatUserId = "";

beforeAll(async () => {
  sim = await startSim();
  corp = await makeCorp(sim);
  await sim.ctl("POST", `corps/${corp.corpid}/console/members`, { userid, name: "路由表", department: [1], mobile: "13912340000" });
  wechatUserId = (await sim.ctl<{ id: string }>("POST", "wechat-users", { name: "路由表", phone: "13912340001" })).id;
  listing = (await (await fetch(`${sim.url}/__sim`)).json()) as Listing;
});
afterAll(() => sim.close());

/** A listed path with its :params filled with things that exist, so the answer is the route's own. */
function concrete(path: string): string {
  const values: Record<string, string> = {
    corpid: corp.corpid,
    agentid: String(corp.agentid),
    agent: "contacts",
    userid,
    id: wechatUserId,
  };
  return path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(values[name] ?? name));
}

describe("GET /__sim", () => {
  it("lists every control route with its method, path and summary, itself included", () => {
    expect(listing.simulator).toBe("wecom");
    const keys = listing.control.map((r) => `${r.method} ${r.path}`);
    for (const expected of ["GET /__sim", "POST /__sim/corps", "PUT /__sim/corps/:corpid/trusted-ips/:agent", "POST /__sim/clock/advance"])
      expect(keys).toContain(expected);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of listing.control) expect(r.summary.length).toBeGreaterThan(5);
    // Body schemas come from the zod schema the route parses with.
    expect(listing.control.find((r) => r.path === "/__sim/clock/advance")?.body?.type).toBe("object");
  });

  it("serves each listed control route (the answer names the table entry, never the dispatcher's 404)", async () => {
    // Reset last: it forgets the corp the other routes are called with.
    const routes = [...listing.control].sort((a, b) => Number(a.path === "/__sim/reset") - Number(b.path === "/__sim/reset"));
    for (const r of routes) {
      const response = await fetch(`${sim.url}${concrete(r.path)}`, { method: r.method, body: r.method === "GET" ? undefined : "{}" });
      const text = await response.text();
      expect(response.headers.get(ROUTE_HEADER), `${r.method} ${r.path} → ${response.status} ${text}`).toBe(`${r.method} ${r.path}`);
      expect(text).not.toContain("no control route");
    }
  });

  it("lists the WeCom API it serves, and each listed API answers WeCom-style", async () => {
    const paths = listing.api.map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining(["/cgi-bin/gettoken", "/cgi-bin/user/create", "/cgi-bin/message/send"]));
    for (const r of listing.api) {
      const response = await fetch(`${sim.url}${r.path}`, { method: r.method, body: r.method === "POST" ? "{}" : undefined });
      expect(response.status, r.path).toBe(200);
      const answer = (await response.json()) as { errcode: number };
      // No token (or for gettoken no corpid): refused with WeCom's own code, not "not found".
      expect(answer.errcode, r.path).not.toBe(0);
    }
  });

  it("answers an unlisted control route with 404 and names no route", async () => {
    const response = await fetch(`${sim.url}/__sim/no-such-thing`, { method: "POST" });
    expect(response.status).toBe(404);
    expect(response.headers.get(ROUTE_HEADER)).toBeNull();
    const unknownApi = await fetch(`${sim.url}/cgi-bin/toString`);
    expect(unknownApi.status).toBe(404);
  });
});
