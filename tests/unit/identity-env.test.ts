// The operator's simulator origins are validated at start like WECOM_SIMULATOR_URL: a bare
// http(s) origin, or the start stops naming the variable.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

const BASE = {
  DATABASE_URL: "postgresql://postgres:secret@127.0.0.1:5432/campus",
  APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  NEXTAUTH_SECRET: "x".repeat(40),
};
const NAMES = ["CAS_SIMULATOR_URL", "OIDC_SIMULATOR_URL"] as const;
const saved = Object.fromEntries([...NAMES, ...Object.keys(BASE), "NEXTAUTH_URL"].map((n) => [n, process.env[n]]));

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function envWith(vars: Record<string, string>) {
  for (const name of NAMES) delete process.env[name];
  delete process.env.NEXTAUTH_URL;
  Object.assign(process.env, BASE, vars);
  vi.resetModules();
  return (await import("~/env")).serverEnv;
}

describe("CAS_SIMULATOR_URL and OIDC_SIMULATOR_URL", () => {
  it("take a bare origin", async () => {
    const env = (await envWith({ CAS_SIMULATOR_URL: "http://127.0.0.1:3920", OIDC_SIMULATOR_URL: "http://127.0.0.1:3930" }))();
    expect(env.CAS_SIMULATOR_URL).toBe("http://127.0.0.1:3920");
    expect(env.OIDC_SIMULATOR_URL).toBe("http://127.0.0.1:3930");
  });

  it.each(NAMES)("%s is refused with a path, and named", async (name) => {
    const serverEnv = await envWith({ [name]: "http://127.0.0.1:3920/sues/authserver" });
    expect(() => serverEnv()).toThrow(new RegExp(`${name}: must be an http\\(s\\)://host:port origin`));
  });
});
