// Driving a sign-in through the school's server end to end, in the test process: our identity
// routes are called as Next would call them (a Request with the school's Host and this browser's
// cookies), the school's CAS or OIDC simulator over HTTP with its own cookie jar.
import { GET as casCallback, POST as casCallbackPost } from "~/app/api/identity/cas/callback/route";
import { POST as casSlo } from "~/app/api/identity/cas/slo/route";
import { GET as oidcCallback, POST as oidcCallbackPost } from "~/app/api/identity/oidc/callback/route";
import { GET as startLogin } from "~/app/api/identity/start/route";
import { POST as switchAccount } from "~/app/api/identity/switch-account/route";
import { loadActor } from "~/server/auth/actors";
import { readSessionClaims } from "~/server/auth/session";
import type { PrismaClient } from "~/generated/prisma/client";
import { CLIENT_ADDRESS_HEADER } from "~/server/http/forwarded-address";

const ROUTES: Record<string, (request: Request) => Promise<Response>> = {
  "GET /api/identity/start": startLogin,
  "GET /api/identity/cas/callback": casCallback,
  "POST /api/identity/cas/callback": casCallbackPost,
  "POST /api/identity/cas/slo": casSlo,
  "GET /api/identity/oidc/callback": oidcCallback,
  "POST /api/identity/oidc/callback": oidcCallbackPost,
  "POST /api/identity/switch-account": switchAccount,
};

let addressCounter = 1;

/** A phone's browser on the school's host: cookies of that host, a client address of its own (so rate limits stay per test). */
export class AppBrowser {
  readonly cookies = new Map<string, string>();
  readonly ip: string;

  /** `ip`: the address it shares with others (a campus NAT); by default one of its own. */
  constructor(
    readonly host: string,
    ip?: string,
  ) {
    this.ip = ip ?? `198.51.100.${(addressCounter++ % 250) + 1}`;
  }

  get origin() {
    return `http://${this.host}`;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(
    method: "GET" | "POST",
    pathAndQuery: string,
    /** `fromSchoolSite`: a form post from the school's page, which brings none of this host's SameSite=Lax cookies. */
    init: { headers?: Record<string, string>; body?: string; fromSchoolSite?: boolean } = {},
  ): Promise<Response> {
    const url = new URL(pathAndQuery, this.origin);
    const handler = ROUTES[`${method} ${url.pathname}`];
    if (!handler) throw new Error(`no route ${method} ${url.pathname}`);
    const headers = new Headers({ host: this.host, [CLIENT_ADDRESS_HEADER]: this.ip, ...init.headers });
    if (this.cookies.size > 0 && !init.fromSchoolSite) headers.set("cookie", this.cookieHeader());
    const response = await handler(new Request(url, { method, headers, body: init.body }));
    this.remember(response);
    return response;
  }

  /** The member this browser's session cookie stands for now, or null (no cookie, or a session that was ended). */
  async member(prisma: PrismaClient) {
    const claims = await readSessionClaims(new Headers({ host: this.host, cookie: this.cookieHeader() }));
    if (!claims) return null;
    const actor = await loadActor(prisma, claims);
    return actor?.kind === "member" ? { ...actor, claims } : null;
  }
}

/** The location a redirect answer points at, resolved against `base`. */
export function locationOf(response: Response, base: string): URL {
  const location = response.headers.get("location");
  if (!location) throw new Error(`expected a redirect, got HTTP ${response.status}`);
  return new URL(location, base);
}
