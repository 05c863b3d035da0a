// The project's own CAS server, driven over HTTP as a browser and as the product's back channel
// would: login form → ticket → validation (CAS 2.0 and 3.0, XML and JSON), the ticket rules of
// CAS 3.0 §3.1.1, renew, gateway, single sign-on, logout with single logout, three base-path
// layouts, schools isolated from each other, and the fault toggles.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CasSimulator, personAttributes, type SchoolInput, startCasSimulator } from "~/sims/cas";
import { ROUTE_HEADER } from "~/sims/shared/routes";
import { Browser, readForm } from "./browser";
import { parseCas } from "./cas-helpers";

const PASSWORD = "Passw0rd!";
let sim: CasSimulator;
let listener: Server;
let listenerUrl = "";
const sloPosts: { path: string; contentType: string; body: string }[] = [];

const zhang = { account: "2024001", name: "张三", kind: "student_staff", type: "本科生", department: "计算机科学与技术学院" };
const wang = { account: "T1001", name: "王老师", kind: "student_staff", type: "教职工", email: "wang@example.edu.cn" };

function school(basePath: string, title: string, extra: Partial<SchoolInput> = {}): SchoolInput {
  const style = extra.attributeStyle ?? "apereo";
  return {
    basePath,
    title,
    users: [zhang, wang].map((p) => ({ account: p.account, password: PASSWORD, attributes: personAttributes(style, p) })),
    ...extra,
  };
}

async function control<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${sim.url}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as T };
}

const serviceFor = (tenant: string) => `${listenerUrl}/api/auth/cas/callback?tenant=${tenant}`;

/** Logs in through the form and returns the ticket the redirect carries. */
async function login(browser: Browser, base: string, service: string, account = zhang.account, extra = ""): Promise<string> {
  const page = await browser.get(`${base}/login?service=${encodeURIComponent(service)}${extra}`);
  expect(page.status).toBe(200);
  const { action, fields } = readForm(await page.text());
  const answer = await browser.post(action, { ...fields, username: account, password: PASSWORD });
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.get("location") ?? "");
  return location.searchParams.get("ticket") ?? "";
}

async function validate(
  base: string,
  path: string,
  service: string,
  ticket: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  const query = new URLSearchParams({ service, ticket, ...extra });
  return fetch(`${sim.url}${base}/${path}?${query.toString()}`);
}

beforeAll(async () => {
  listener = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      sloPosts.push({ path: req.url ?? "", contentType: req.headers["content-type"] ?? "", body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  sim = await startCasSimulator({ port: 0 });
  const schools: Record<string, SchoolInput> = {
    sues: school("/sues/authserver", "上海工程技术大学统一身份认证", { attributeStyle: "wisedu" }),
    imut: school("/imut/cas", "内蒙古工业大学统一身份认证"),
    root: school("/", "示例学院统一身份认证"),
    strict: school("/strict/cas", "严格 CAS 2.0", { serviceValidateAttributes: false }),
    old: school("/old/authserver", "没有 /p3 的学校", { p3: false, jsonFormat: "ignored", attributeStyle: "wisedu" }),
    listed: school("/listed/cas", "只认已注册应用的学校", {
      services: [`^${listenerUrl.replace(/\./g, "\\.")}/api/auth/cas/callback\\?tenant=listed$`],
    }),
  };
  for (const [id, body] of Object.entries(schools)) expect((await control("PUT", `schools/${id}`, body)).status).toBe(200);
});
afterAll(async () => {
  await sim.close();
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});

describe("GET /__sim", () => {
  it("lists every control route and the CAS endpoints, and serves each listed control route", async () => {
    const listing = (await (await fetch(`${sim.url}/__sim`)).json()) as {
      simulator: string;
      control: { method: string; path: string; summary: string }[];
      protocol: { method: string; path: string }[];
      schools: { id: string; basePath: string }[];
    };
    expect(listing.simulator).toBe("cas");
    const keys = listing.control.map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        "GET /__sim",
        "PUT /__sim/schools/:id",
        "GET /__sim/schools",
        "POST /__sim/schools/:id/expire-tickets",
        "GET /__sim/schools/:id/slo",
      ]),
    );
    expect(listing.protocol.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        "GET {basePath}/login",
        "POST {basePath}/login",
        "GET {basePath}/serviceValidate",
        "GET {basePath}/p3/serviceValidate",
        "GET {basePath}/logout",
      ]),
    );
    expect(listing.schools.map((s) => s.basePath)).toContain("/sues/authserver");
    // A throwaway school for the destructive routes (DELETE, PUT) so the others keep theirs; reset is not called.
    await control("PUT", "schools/scratch", school("/scratch/cas", "临时"));
    // Deleting the scratch school comes last, so the routes after it in the table still find it.
    const last = (r: { method: string; path: string }) => Number(r.method === "DELETE" && r.path === "/__sim/schools/:id");
    const routes = listing.control.filter((c) => c.path !== "/__sim/reset").sort((a, b) => last(a) - last(b));
    for (const r of routes) {
      const path = r.path.replace(":id", "scratch");
      const body =
        r.method === "PUT" && path === "/__sim/schools/scratch"
          ? JSON.stringify(school("/scratch/cas", "临时"))
          : r.method === "GET"
            ? undefined
            : "{}";
      const response = await fetch(`${sim.url}${path}`, { method: r.method, body });
      expect(response.headers.get(ROUTE_HEADER), `${r.method} ${r.path}`).toBe(`${r.method} ${r.path}`);
      expect(response.status, `${r.method} ${r.path}`).not.toBe(404);
      await response.body?.cancel();
    }
  });
});

describe("login and validation", () => {
  it("shows a phone-sized login form with the school's title and a login ticket, and redirects back with a service ticket", async () => {
    const browser = new Browser(sim.url);
    const service = serviceFor("sues");
    const page = await browser.get(`/sues/authserver/login?service=${encodeURIComponent(service)}`);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain('name="viewport" content="width=device-width,initial-scale=1"');
    expect(html).toContain("<title>上海工程技术大学统一身份认证</title>");
    for (const text of ["用户名", "密码", ">登录</button>"]) expect(html).toContain(text);
    expect(html).not.toContain("<script");
    const { action, fields } = readForm(html);
    expect(action).toBe("/sues/authserver/login");
    expect(fields.lt).toMatch(/^LT-/);
    expect(fields.execution).toBeTruthy();
    expect(fields.service).toBe(service);

    const answer = await browser.post(action, { ...fields, username: zhang.account, password: PASSWORD });
    expect(answer.status).toBe(302);
    const location = answer.headers.get("location") ?? "";
    // The ticket is appended with "&" to a service that has a query already (reference §1.3); nothing else changes.
    expect(location.startsWith(`${service}&ticket=ST-`)).toBe(true);
    const ticket = new URL(location).searchParams.get("ticket") ?? "";
    // CAS 3.0 §3.1.1 and §3.7: ST- prefix, only A-Z a-z 0-9 and "-", and plenty of randomness.
    expect(ticket).toMatch(/^ST-[A-Za-z0-9-]+$/);
    expect(ticket.length).toBeGreaterThanOrEqual(32 + 3);
    // Wisedu's cookie, scoped to the server's path and out of scripts' reach (CAS 3.0 §3.6.1).
    const setCookie = answer.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/CASTGC=TGT-[A-Za-z0-9-]+; Path=\/sues\/authserver; HttpOnly/);
  });

  it("validates on /serviceValidate with the user and Wisedu's attributes, values escaped, in the CAS namespace", async () => {
    const service = serviceFor("sues");
    const ticket = await login(new Browser(sim.url), "/sues/authserver", service);
    const response = await validate("/sues/authserver", "serviceValidate", service, ticket);
    expect(response.headers.get("content-type")).toContain("xml");
    const xml = await response.text();
    expect(xml).toContain('<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">');
    const { success } = parseCas(xml);
    expect(success?.user).toBe("2024001");
    expect(success?.attributes.cn).toEqual(["张三"]);
    expect(success?.attributes.userName).toEqual(["张三"]);
    expect(success?.attributes.userType).toEqual(["本科生"]);
    expect(success?.attributes.isFromNewLogin).toEqual(["true"]);
    // Java's ZonedDateTime text, not ISO 8601 (reference §1.5).
    expect(success?.attributes.authenticationDate?.[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00\[GMT\+08:00\]$/);
  });

  it("answers CAS 3.0 /p3/serviceValidate with attributes, and format=JSON with Apereo's arrays", async () => {
    const service = serviceFor("imut");
    const browser = new Browser(sim.url);
    const xmlTicket = await login(browser, "/imut/cas", service, wang.account);
    const { success } = parseCas(await (await validate("/imut/cas", "p3/serviceValidate", service, xmlTicket)).text());
    expect(success?.user).toBe("T1001");
    expect(success?.attributes.mail).toEqual(["wang@example.edu.cn"]);
    expect(success?.attributes.memberOf).toEqual(["student_staff"]);
    expect(success?.attributes.longTermAuthenticationRequestTokenUsed).toEqual(["false"]);
    expect(new Date(success?.attributes.authenticationDate?.[0] ?? "").toString()).not.toBe("Invalid Date");

    const jsonTicket = await login(new Browser(sim.url), "/imut/cas", service, wang.account);
    const json = (await (await validate("/imut/cas", "p3/serviceValidate", service, jsonTicket, { format: "JSON" })).json()) as {
      serviceResponse: { authenticationSuccess: { user: string; attributes: Record<string, unknown> } };
    };
    expect(json.serviceResponse.authenticationSuccess.user).toBe("T1001");
    expect(json.serviceResponse.authenticationSuccess.attributes.cn).toEqual(["王老师"]);
  });

  it("answers JSON failures with code and description", async () => {
    const response = await validate("/imut/cas", "serviceValidate", serviceFor("imut"), "ST-1-unknown", { format: "JSON" });
    expect(await response.json()).toEqual({
      serviceResponse: {
        authenticationFailure: { code: "INVALID_TICKET", description: expect.stringContaining("not recognized") as string },
      },
    });
  });

  it("re-shows the form with the error and 401 after a wrong password, and a login ticket works once", async () => {
    const browser = new Browser(sim.url);
    const page = await browser.get(`/sues/authserver/login?service=${encodeURIComponent(serviceFor("sues"))}`);
    const { action, fields } = readForm(await page.text());
    const wrong = await browser.post(action, { ...fields, username: zhang.account, password: "wrong" });
    expect(wrong.status).toBe(401);
    const html = await wrong.text();
    expect(html).toContain("您提供的用户名或者密码有误");
    expect(html).toContain('value="2024001"');
    // The same (spent) login ticket again: refused, a fresh form instead.
    const replay = await browser.post(action, { ...fields, username: zhang.account, password: PASSWORD });
    expect(replay.status).toBe(200);
    expect(await replay.text()).toContain("页面已过期");
    expect(browser.cookie("CASTGC")).toBeUndefined();
  });

  it("shows 登录成功 after a login without a service", async () => {
    const browser = new Browser(sim.url);
    const { action, fields } = readForm(await (await browser.get("/imut/cas/login")).text());
    const answer = await browser.post(action, { ...fields, username: zhang.account, password: PASSWORD });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("登录成功");
    expect(browser.cookie("TGC")?.path).toBe("/imut/cas");
  });

  it("answers CAS 1.0 /validate with yes/no lines", async () => {
    const service = serviceFor("imut");
    const ticket = await login(new Browser(sim.url), "/imut/cas", service);
    expect(await (await validate("/imut/cas", "validate", service, ticket)).text()).toBe("yes\n2024001\n");
    expect(await (await validate("/imut/cas", "validate", service, ticket)).text()).toBe("no\n");
  });
});

describe("ticket rules (CAS 3.0 §3.1.1)", () => {
  it("accepts a ticket once: a second validation answers INVALID_TICKET", async () => {
    const service = serviceFor("imut");
    const ticket = await login(new Browser(sim.url), "/imut/cas", service);
    expect(parseCas(await (await validate("/imut/cas", "serviceValidate", service, ticket)).text()).success?.user).toBe("2024001");
    expect(parseCas(await (await validate("/imut/cas", "serviceValidate", service, ticket)).text()).failure?.code).toBe("INVALID_TICKET");
  });

  it("answers INVALID_SERVICE for another service, compared byte for byte, and the ticket is then dead", async () => {
    const service = serviceFor("imut");
    for (const other of [`${service}/`, service.replace("?tenant=", "?Tenant="), service.replace("127.0.0.1", "localhost")]) {
      const ticket = await login(new Browser(sim.url), "/imut/cas", service);
      expect(parseCas(await (await validate("/imut/cas", "serviceValidate", other, ticket)).text()).failure?.code).toBe("INVALID_SERVICE");
      expect(parseCas(await (await validate("/imut/cas", "serviceValidate", service, ticket)).text()).failure?.code).toBe("INVALID_TICKET");
    }
  });

  it("expires unvalidated tickets: on request, and when the clock passes their lifetime", async () => {
    const service = serviceFor("imut");
    const first = await login(new Browser(sim.url), "/imut/cas", service);
    expect((await control<{ count: number }>("POST", "schools/imut/expire-tickets")).json.count).toBeGreaterThanOrEqual(1);
    expect(parseCas(await (await validate("/imut/cas", "serviceValidate", service, first)).text()).failure?.code).toBe("INVALID_TICKET");

    const second = await login(new Browser(sim.url), "/imut/cas", service);
    await control("POST", "clock/advance", { seconds: 61 });
    const failure = parseCas(await (await validate("/imut/cas", "serviceValidate", service, second)).text()).failure;
    expect(failure?.code).toBe("INVALID_TICKET");
    expect(failure?.text).toContain("expired");
  });

  it("answers INVALID_REQUEST, INVALID_TICKET_SPEC and UNAUTHORIZED_SERVICE_PROXY as the spec defines them", async () => {
    const service = serviceFor("imut");
    const code = async (query: string, path = "serviceValidate") =>
      parseCas(await (await fetch(`${sim.url}/imut/cas/${path}?${query}`)).text()).failure?.code;
    expect(await code(`service=${encodeURIComponent(service)}`)).toBe("INVALID_REQUEST");
    expect(await code("ticket=ST-1-abc")).toBe("INVALID_REQUEST");
    expect(await code(`service=${encodeURIComponent(service)}&ticket=PT-1-abc`)).toBe("INVALID_TICKET_SPEC");
    expect(await code(`service=${encodeURIComponent(service)}&ticket=${encodeURIComponent("ST-1-<x>")}`)).toBe("INVALID_TICKET_SPEC");
    expect(await code(`service=${encodeURIComponent(service)}&ticket=ST-1-abc&format=YAML`)).toBe("INVALID_REQUEST");
    const ticket = await login(new Browser(sim.url), "/imut/cas", service);
    const query = new URLSearchParams({ service, ticket, pgtUrl: "https://proxy.example/cb" }).toString();
    expect(await code(query, "proxyValidate")).toBe("UNAUTHORIZED_SERVICE_PROXY");
  });
});

describe("single sign-on, renew and gateway", () => {
  it("issues a ticket without asking when the browser has a session, for another service too", async () => {
    const browser = new Browser(sim.url);
    await login(browser, "/imut/cas", serviceFor("imut"));
    const other = `${listenerUrl}/another-app/`;
    const sso = await browser.get(`/imut/cas/login?service=${encodeURIComponent(other)}`);
    expect(sso.status).toBe(302);
    const ticket = new URL(sso.headers.get("location") ?? "").searchParams.get("ticket") ?? "";
    const { success } = parseCas(await (await validate("/imut/cas", "p3/serviceValidate", other, ticket)).text());
    expect(success?.user).toBe("2024001");
    expect(success?.attributes.isFromNewLogin).toEqual(["false"]);
  });

  it("refuses an SSO ticket when validation asks for renew, and renew=true at login asks for the password again", async () => {
    const browser = new Browser(sim.url);
    const service = serviceFor("imut");
    await login(browser, "/imut/cas", service);
    const sso = await browser.get(`/imut/cas/login?service=${encodeURIComponent(service)}`);
    const ssoTicket = new URL(sso.headers.get("location") ?? "").searchParams.get("ticket") ?? "";
    expect(
      parseCas(await (await validate("/imut/cas", "serviceValidate", service, ssoTicket, { renew: "true" })).text()).failure?.code,
    ).toBe("INVALID_TICKET");

    const renewPage = await browser.get(`/imut/cas/login?service=${encodeURIComponent(service)}&renew=true`);
    expect(renewPage.status).toBe(200);
    const { action, fields } = readForm(await renewPage.text());
    expect(fields.renew).toBe("true");
    const fresh = await browser.post(action, { ...fields, username: zhang.account, password: PASSWORD });
    const freshTicket = new URL(fresh.headers.get("location") ?? "").searchParams.get("ticket") ?? "";
    expect(
      parseCas(await (await validate("/imut/cas", "serviceValidate", service, freshTicket, { renew: "true" })).text()).success?.user,
    ).toBe("2024001");
  });

  it("gateway=true goes back to the service without a ticket when there is no session, and with one when there is", async () => {
    const service = serviceFor("imut");
    const stranger = new Browser(sim.url);
    const none = await stranger.get(`/imut/cas/login?service=${encodeURIComponent(service)}&gateway=true`);
    expect(none.status).toBe(302);
    expect(none.headers.get("location")).toBe(service);

    const member = new Browser(sim.url);
    await login(member, "/imut/cas", service);
    const some = await member.get(`/imut/cas/login?service=${encodeURIComponent(service)}&gateway=true`);
    expect(new URL(some.headers.get("location") ?? "").searchParams.get("ticket")).toMatch(/^ST-/);
  });
});

describe("logout and single logout", () => {
  it("ends the session, POSTs a logoutRequest to every service of the session, and follows ?service", async () => {
    const browser = new Browser(sim.url);
    const first = serviceFor("sues");
    const second = `${listenerUrl}/second-app?x=1`;
    const firstTicket = await login(browser, "/sues/authserver", first);
    const sso = await browser.get(`/sues/authserver/login?service=${encodeURIComponent(second)}`);
    const secondTicket = new URL(sso.headers.get("location") ?? "").searchParams.get("ticket") ?? "";
    sloPosts.length = 0;

    const home = `${listenerUrl}/`;
    const out = await browser.get(`/sues/authserver/logout?service=${encodeURIComponent(home)}`);
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe(home);
    expect(browser.cookie("CASTGC")).toBeUndefined();

    const log = (await control<{ url: string; sessionIndex: string; status: number | null }[]>("GET", "schools/sues/slo?wait=1")).json;
    const sent = log.filter((r) => r.sessionIndex === firstTicket || r.sessionIndex === secondTicket);
    expect(sent.map((r) => [r.url, r.status])).toEqual([
      [first, 200],
      [second, 200],
    ]);
    // The POST went to the service URL with its query string, form-encoded, the ticket as SessionIndex (reference §1.9).
    const post = sloPosts.find((p) => p.path === "/api/auth/cas/callback?tenant=sues");
    expect(post?.contentType).toBe("application/x-www-form-urlencoded");
    const logoutRequest = new URLSearchParams(post?.body ?? "").get("logoutRequest") ?? "";
    expect(logoutRequest).toContain('<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"');
    expect(logoutRequest).toContain('<saml:NameID xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">@NOT_USED@</saml:NameID>');
    expect(logoutRequest).toContain(`<samlp:SessionIndex>${firstTicket}</samlp:SessionIndex>`);
    expect(XMLValidator.validate(logoutRequest)).toBe(true);

    // No session any more: the form again.
    expect((await browser.get(`/sues/authserver/login?service=${encodeURIComponent(first)}`)).status).toBe(200);
  });

  it("shows 已退出 without a service", async () => {
    const browser = new Browser(sim.url);
    await login(browser, "/imut/cas", serviceFor("imut"));
    const out = await browser.get("/imut/cas/logout");
    expect(out.status).toBe(200);
    expect(await out.text()).toContain("已退出");
  });
});

describe("base paths and schools", () => {
  it("serves the three layouts: /x/authserver, /x/cas and the root", async () => {
    for (const base of ["/sues/authserver", "/imut/cas", ""]) {
      const service = `${listenerUrl}/layout-test`;
      const ticket = await login(new Browser(sim.url), base, service);
      expect(parseCas(await (await validate(base, "serviceValidate", service, ticket)).text()).success?.user, base || "/").toBe("2024001");
    }
    expect((await fetch(`${sim.url}/imut/cas`, { redirect: "manual" })).headers.get("location")).toBe("/imut/cas/login");
  });

  it("keeps schools apart: another school's ticket is unknown, and its session gives no single sign-on", async () => {
    const browser = new Browser(sim.url);
    const service = `${listenerUrl}/shared-app`;
    const suesTicket = await login(browser, "/sues/authserver", service);
    expect(parseCas(await (await validate("/imut/cas", "serviceValidate", service, suesTicket)).text()).failure?.code).toBe(
      "INVALID_TICKET",
    );
    // Logged in at sues (and at the root school, whose cookie is sent everywhere): imut still asks.
    await login(browser, "", service);
    expect((await browser.get(`/imut/cas/login?service=${encodeURIComponent(service)}`)).status).toBe(200);
    // The root school's cookie and sues's are both sent under /sues/authserver; sues finds its own.
    expect((await browser.get(`/sues/authserver/login?service=${encodeURIComponent(service)}`)).status).toBe(302);
  });

  it("refuses a base path another school serves", async () => {
    expect((await control("PUT", "schools/clash", school("/imut/cas", "冲突"))).status).toBe(409);
  });

  it("a strict CAS 2.0 school releases attributes only on /p3", async () => {
    const service = serviceFor("strict");
    const plain = parseCas(
      await (await validate("/strict/cas", "serviceValidate", service, await login(new Browser(sim.url), "/strict/cas", service))).text(),
    );
    expect(plain.success?.user).toBe("2024001");
    expect(plain.success?.attributes).toEqual({});
    const p3 = parseCas(
      await (
        await validate("/strict/cas", "p3/serviceValidate", service, await login(new Browser(sim.url), "/strict/cas", service))
      ).text(),
    );
    expect(p3.success?.attributes.cn).toEqual(["张三"]);
  });

  it("a school without /p3 answers it 404, and one that ignores format answers XML to format=JSON", async () => {
    const service = serviceFor("old");
    const ticket = await login(new Browser(sim.url), "/old/authserver", service);
    expect((await validate("/old/authserver", "p3/serviceValidate", service, ticket)).status).toBe(404);
    const response = await validate("/old/authserver", "serviceValidate", service, ticket, { format: "JSON" });
    expect(parseCas(await response.text()).success?.user).toBe("2024001");
  });

  it("a school in non-open mode refuses an unregistered service and never redirects to it at logout", async () => {
    const browser = new Browser(sim.url);
    const page = await browser.get(`/listed/cas/login?service=${encodeURIComponent(`${listenerUrl}/evil`)}`);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("应用未授权");
    await login(browser, "/listed/cas", serviceFor("listed"));
    const out = await browser.get(`/listed/cas/logout?service=${encodeURIComponent("https://evil.example/")}`);
    expect(out.status).toBe(200);
    expect((await browser.get(`/listed/cas/login?service=${encodeURIComponent("javascript:alert(1)")}`)).status).toBe(403);
  });
});

describe("values and faults", () => {
  it("escapes attribute values, so any text comes back exactly", async () => {
    const tricky = `</cas:user><cas:user>admin</cas:user>&amp; "引号" 'single'`;
    await control("PUT", "schools/escape", {
      basePath: "/escape/cas",
      title: "转义",
      users: [{ account: "0021001", password: PASSWORD, attributes: { cn: tricky, memberOf: ["a&b", "<c>"] } }],
    });
    const service = `${listenerUrl}/escape`;
    const ticket = await login(new Browser(sim.url), "/escape/cas", service, "0021001");
    const xml = await (await validate("/escape/cas", "p3/serviceValidate", service, ticket)).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const { success } = parseCas(xml);
    expect(success?.user).toBe("0021001");
    // processEntities is off in the careful parser: decode the five predefined entities to compare.
    const unescape = (s: string) =>
      s
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, "&");
    expect(unescape(success?.attributes.cn?.[0] ?? "")).toBe(tricky);
    expect(success?.attributes.memberOf?.map(unescape)).toEqual(["a&b", "<c>"]);
  });

  it("answers validation with malformed XML, an XXE document, an entity bomb or HTTP 500 when told, for `count` answers", async () => {
    const service = serviceFor("imut");
    const answerWith = async (fault: string) => {
      await control("PUT", "schools/imut/faults", { validation: fault, count: 1 });
      return validate("/imut/cas", "serviceValidate", service, await login(new Browser(sim.url), "/imut/cas", service));
    };
    expect(XMLValidator.validate(await (await answerWith("malformed-xml")).text())).not.toBe(true);
    const xxe = await (await answerWith("xxe")).text();
    expect(xxe).toContain("<!DOCTYPE");
    expect(xxe).toContain('SYSTEM "file:///etc/passwd"');
    expect(await (await answerWith("entity-bomb")).text()).toContain("<!ENTITY lol9");
    expect((await answerWith("http-500")).status).toBe(500);
    // count: 1 — the next answer is the real one again.
    const ticket = await login(new Browser(sim.url), "/imut/cas", service);
    expect(parseCas(await (await validate("/imut/cas", "serviceValidate", service, ticket)).text()).success?.user).toBe("2024001");
    const validations = (await control<{ fault: string | null }[]>("GET", "schools/imut/validations")).json;
    expect(
      validations
        .map((v) => v.fault)
        .filter(Boolean)
        .slice(-4),
    ).toEqual(["malformed-xml", "xxe", "entity-bomb", "http-500"]);
  });

  it("answers slowly when told", async () => {
    await control("PUT", "schools/imut/faults", { delayMs: 400 });
    const started = Date.now();
    await validate("/imut/cas", "serviceValidate", serviceFor("imut"), "ST-1-x");
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    await control("DELETE", "schools/imut/faults");
  });
});
