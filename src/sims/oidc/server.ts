// startOidcSimulator: a real OpenID Provider (npm oidc-provider, OpenID-certified) for the
// schools that sign in with OIDC: discovery, JWKS, authorization code with PKCE (S256, always
// required), id_token with nonce, userinfo, RP-initiated logout. Issuer http://127.0.0.1:<port>.
// Its login page, its clients and its accounts are the simulator's; the protocol is the library's.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import Provider, { type Configuration, type JWK, type KoaContextWithOIDC } from "oidc-provider";
import { z } from "zod";
import { listen, sendHtml, sendJson } from "../shared/http";
import { dispatch } from "../shared/routes";
import { readJsonFile, writePrivateJson } from "../shared/state-file";
import { createAdapter } from "./adapter";
import { accountClaims, accountInput, CLAIMS_BY_SCOPE, clientInput, type OidcAccount, type OidcClient } from "./config";
import { errorPage, loggedOutPage, logoutConfirmPage } from "./pages";
import { CONTROL_ROUTES, INTERACTION_ROUTES, type OidcSim } from "./routes";

export type OidcSimulatorOptions = {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /**
   * JSON file keeping the signing keys (RS256, made at first start), the cookie keys, the clients
   * and the accounts, so tokens issued before a restart still verify against the JWKS. In memory
   * only when omitted. Sessions, codes and tokens themselves are not kept.
   */
  stateFile?: string;
  /** Clients and accounts to start with when the state file has none. */
  clients?: z.input<typeof clientInput>[];
  accounts?: z.input<typeof accountInput>[];
  /**
   * false (default): the id_token carries the claims of the granted scopes (name, preferred_username,
   * email …), as most school providers' tokens do; true: only sub and protocol claims, the rest at
   * the userinfo endpoint (oidc-provider's default, OIDC Core §5.4).
   */
  conformIdTokenClaims?: boolean;
};

export type OidcSimulator = { url: string; issuer: string; close: () => Promise<void> };

const stateSchema = z.strictObject({
  version: z.literal(1),
  signingKeys: z.array(z.record(z.string(), z.unknown())).min(1),
  cookieKeys: z.array(z.string().min(32)).min(1),
  clients: z.array(clientInput),
  accounts: z.array(accountInput),
});
type State = z.output<typeof stateSchema>;

/** An RS256 signing key as a private JWK, with a key id the id_token's header names (OIDC Core §10.1). */
function newSigningKey(): JWK {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...(privateKey.export({ format: "jwk" }) as JWK), kid: `sim-${randomBytes(8).toString("hex")}`, alg: "RS256", use: "sig" };
}

function initialState(options: OidcSimulatorOptions): State {
  const stored = readJsonFile(options.stateFile);
  if (stored !== undefined) return stateSchema.parse(stored);
  return {
    version: 1,
    signingKeys: [newSigningKey() as Record<string, unknown>],
    cookieKeys: [randomBytes(32).toString("base64url")],
    clients: z.array(clientInput).parse(options.clients ?? []),
    accounts: z.array(accountInput).parse(options.accounts ?? []),
  };
}

function configuration(
  accounts: Map<string, OidcAccount>,
  state: State,
  options: OidcSimulatorOptions,
  adapter: Configuration["adapter"],
): Configuration {
  return {
    adapter,
    clients: [],
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: account.sub, claims: () => ({ ...accountClaims(account), sub: account.sub }) } : undefined;
    },
    claims: Object.fromEntries(Object.entries(CLAIMS_BY_SCOPE).map(([scope, claims]) => [scope, [...claims]])),
    scopes: Object.keys(CLAIMS_BY_SCOPE),
    conformIdTokenClaims: options.conformIdTokenClaims ?? false,
    cookies: { keys: state.cookieKeys },
    jwks: { keys: state.signingKeys },
    responseTypes: ["code"],
    // OAuth 2.1 / RFC 9700: PKCE for every client, confidential ones too. oidc-provider 9 offers S256 only.
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Every registered client is the school's own application: consent is granted for what it asks, without a page.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const grant =
        (grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined) ??
        new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(" "));
      const requestedClaims = [...ctx.oidc.requestParamClaims];
      if (requestedClaims.length > 0) grant.addOIDCClaims(requestedClaims);
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = logoutConfirmPage(form, ctx.oidc.client?.metadata().client_name);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = "html";
          ctx.body = loggedOutPage();
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage({ error: out.error, error_description: out.error_description, state: out.state });
    },
    // No browser calls this provider cross-origin: the product's server does its back-channel calls.
    clientBasedCORS: () => false,
  };
}

export async function startOidcSimulator(options: OidcSimulatorOptions): Promise<OidcSimulator> {
  const state = initialState(options);
  // One Map each for the simulator's life: the provider's account lookup and client adapter read them as the control API changes them.
  const clients = new Map<string, OidcClient>(state.clients.map((c) => [c.client_id, c]));
  const accounts = new Map<string, OidcAccount>(state.accounts.map((a) => [a.sub, a]));
  const save = () => {
    if (options.stateFile)
      writePrivateJson(options.stateFile, { ...state, clients: [...clients.values()], accounts: [...accounts.values()] });
  };
  const adapter = createAdapter(() => clients);
  const sweeper = setInterval(adapter.sweep, 60_000);
  sweeper.unref();

  let sim: OidcSim | null = null;
  let callback: ReturnType<Provider["callback"]> | null = null;
  const ours = (path: string) => path === "/__sim" || path.startsWith("/__sim/") || path.startsWith("/interaction/");
  const { url, close } = await listen(
    "oidc-sim",
    {
      port: options.port,
      host: options.host,
      maxBody: 8 * 1024 * 1024,
      // Everything but the simulator's own routes is the provider's, which reads its own bodies.
      passThrough: (req, res) => {
        if (ours(new URL(req.url ?? "/", "http://simulator.invalid").pathname)) return false;
        if (callback) void callback(req, res);
        else sendJson(res, 503, { error: "starting" });
        return true;
      },
    },
    async (req, res) => {
      if (!sim) return sendJson(res, 503, { error: "starting" });
      const table = req.path.startsWith("/interaction/") ? INTERACTION_ROUTES : CONTROL_ROUTES;
      if (await dispatch(table, sim, req, res)) return;
      if (req.path.startsWith("/__sim")) sendJson(res, 404, { error: `no control route ${req.method} ${req.path}` });
      else sendHtml(res, 404, "<!doctype html><title>404 Not Found</title><h1>404 Not Found</h1>");
    },
  );
  // The issuer names the port, which is known only once listening (OIDC Discovery §4.3: issuer must match exactly).
  const provider = new Provider(url, configuration(accounts, state, options, adapter.factory));
  sim = { provider, issuer: url, clients, accounts, save };
  callback = provider.callback();
  save();

  return {
    url,
    issuer: url,
    close: async () => {
      clearInterval(sweeper);
      await close();
    },
  };
}
