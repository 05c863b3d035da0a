// A browser in miniature for driving the simulators' pages over HTTP: a cookie jar that sends a
// cookie only under its path (as browsers do, which matters when one school sits at the root and
// another under /x/cas), no automatic redirects, and the login form's fields read off the page.
type Cookie = { name: string; value: string; path: string };

export class Browser {
  private cookies: Cookie[] = [];

  constructor(private readonly origin: string) {}

  private cookieHeader(path: string): string {
    const matches = this.cookies.filter((c) => c.path === "/" || path === c.path || path.startsWith(`${c.path}/`));
    // Longer paths first, as RFC 6265 §5.4 orders them.
    return matches
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";").map((s) => s.trim());
      const [name = "", ...rest] = pair.split("=");
      const value = rest.join("=");
      const path = attrs.find((a) => a.toLowerCase().startsWith("path="))?.slice(5) ?? "/";
      const expires = attrs.find((a) => a.toLowerCase().startsWith("expires="))?.slice(8);
      const expired = attrs.some((a) => a.toLowerCase() === "max-age=0") || (expires !== undefined && Date.parse(expires) < Date.now());
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
      if (!expired && value !== "") this.cookies.push({ name, value, path });
    }
  }

  cookie(name: string): Cookie | undefined {
    return this.cookies.find((c) => c.name === name);
  }

  async get(pathAndQuery: string): Promise<Response> {
    const url = new URL(pathAndQuery, this.origin);
    const response = await fetch(url, { redirect: "manual", headers: { cookie: this.cookieHeader(url.pathname) } });
    this.remember(response);
    return response;
  }

  async post(pathAndQuery: string, form: Record<string, string>): Promise<Response> {
    const url = new URL(pathAndQuery, this.origin);
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: this.cookieHeader(url.pathname), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
    this.remember(response);
    return response;
  }
}

/** The first form's action and fields (hidden ones with their values), as a browser would submit them. */
export function readForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1] ?? "";
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[m[1] ?? ""] = decodeEntities(m[2] ?? "");
  return { action: decodeEntities(action), fields };
}

const decodeEntities = (s: string) => s.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
