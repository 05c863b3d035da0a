// The HTTP edge as a browser and an attacker meet it on the production server:
// security headers with a working CSP on every area, the client's address taken
// from the connection, and next-auth's URLs from the Host.
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { makeVendor } from "./factories";
import { ADMIN, MEMBER_PASSWORD, signIn, signInAsVendor } from "./helpers";
import { rootUrl, tenantUrl } from "./hosts";

// Account of this spec only: 2024003 Emma Wilson of ucas.
const ACCOUNT = "2024003";

/** Collects every CSP violation the page reports, from the console and from the DOM event. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (/Content Security Policy/i.test(error.message)) violations.push(error.message);
  });
  void page.exposeFunction("__reportViolation", (text: string) => violations.push(text));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

async function expectSecurityHeaders(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  const headers = response!.headers();
  expect(headers["content-security-policy"], url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  // Served over plain http on localhost: no HSTS.
  expect(headers["strict-transport-security"], url).toBeUndefined();
}

const port = Number(process.env.E2E_PORT ?? 3000);

/**
 * A request to a school's host made outside the browser (Node cannot resolve
 * *.localhost, so it goes to 127.0.0.1 with the school's Host header).
 */
function raw(
  method: string,
  host: string,
  path: string,
  headers: Record<string, string> = {},
  body = "",
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, method, path, headers: { host: `${host}:${port}`, ...headers } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

async function lastLoginAddress(account: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ ip: string | null }>(
      `SELECT a.ip FROM "AuditLog" a JOIN "Member" m ON m.id::text = a."actorId"
        JOIN "Tenant" t ON t.id = m."tenantId"
        WHERE a.action = 'member.login' AND m.account = $1 AND t.slug = 'ucas'
        ORDER BY a."createdAt" DESC LIMIT 1`,
      [account],
    );
    return result.rows[0]?.ip ?? null;
  } finally {
    await client.end();
  }
}

test.describe("the HTTP edge", () => {
  test("every area carries the security headers, and signing in and using the member, admin and vendor pages raises no CSP violation", async ({
    page,
    browser,
  }) => {
    const violations = watchViolations(page);
    await expectSecurityHeaders(page, tenantUrl("ucas"));
    await expectSecurityHeaders(page, tenantUrl("ucas", "/login"));
    await signIn(page, tenantUrl("ucas", "/login"), ACCOUNT, MEMBER_PASSWORD);
    // The form posts through next-auth with JavaScript: landing on /me proves the nonce let the scripts run.
    await expect(page).toHaveURL(tenantUrl("ucas", "/me"));
    await expect(page.getByTestId("member-name")).toHaveText("Emma Wilson");
    await page.getByTestId("locale-switch").click();
    await expect(page).toHaveURL(tenantUrl("ucas", "/me"));

    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    const adminViolations = watchViolations(adminPage);
    await expectSecurityHeaders(adminPage, tenantUrl("ucas", "/admin/login"));
    await signIn(adminPage, tenantUrl("ucas", "/admin/login"), ADMIN.username, ADMIN.password);
    await expect(adminPage).toHaveURL(tenantUrl("ucas", "/admin"));
    await expectSecurityHeaders(adminPage, tenantUrl("ucas", "/admin/wecom"));
    await admin.close();

    const vendor = await browser.newContext();
    const vendorPage = await vendor.newPage();
    const vendorViolations = watchViolations(vendorPage);
    await expectSecurityHeaders(vendorPage, rootUrl("/vendor/login"));
    await signInAsVendor(vendorPage, await makeVendor());
    await vendor.close();

    expect([...violations, ...adminViolations, ...vendorViolations]).toEqual([]);
  });

  test("a sign-in with a forged X-Forwarded-For is recorded with the address of the connection", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "6.6.6.6", "x-client-address": "6.6.6.6", "x-real-ip": "6.6.6.6" });
    await signIn(page, tenantUrl("ucas", "/login"), ACCOUNT, MEMBER_PASSWORD);
    await expect(page).toHaveURL(tenantUrl("ucas", "/me"));
    expect(["127.0.0.1", "::1"]).toContain(await lastLoginAddress(ACCOUNT));
  });

  test("next-auth's URLs name the school's own host whatever X-Forwarded-Host says", async () => {
    const response = await raw("GET", "ucas.localhost", "/api/auth/providers", {
      "x-forwarded-host": "evil.example.com",
      "x-forwarded-proto": "https",
    });
    const providers = JSON.parse(response.body) as Record<string, { signinUrl: string }>;
    expect(providers.member?.signinUrl).toBe(tenantUrl("ucas", "/api/auth/signin/member"));
  });

  test("the tRPC endpoint refuses a cross-site form post and marks its answers private, no-store", async () => {
    const boundary = "----e2eBoundary";
    const form = await raw(
      "POST",
      "ucas.localhost",
      "/api/trpc/admin.wecom.testConnection",
      { "content-type": `multipart/form-data; boundary=${boundary}` },
      `--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--${boundary}--\r\n`,
    );
    expect(form.status).toBe(415);
    const foreign = await raw(
      "POST",
      "ucas.localhost",
      "/api/trpc/admin.wecom.testConnection",
      { "content-type": "application/json", origin: `http://sues.localhost:${port}` },
      "{}",
    );
    expect(foreign.status).toBe(403);
    const query = await raw("GET", "ucas.localhost", "/api/trpc/school.tenant.current");
    expect(query.status).toBe(200);
    expect(query.headers["cache-control"]).toBe("private, no-store");
  });

  test("a body too large for /api/auth is refused with 413 before it is read", async () => {
    const response = await raw(
      "POST",
      "ucas.localhost",
      "/api/auth/callback/member",
      { "content-type": "application/x-www-form-urlencoded" },
      `password=${"a".repeat(64 * 1024)}`,
    );
    expect(response.status).toBe(413);
  });
});
