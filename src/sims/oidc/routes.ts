// The OIDC simulator's own routes: the login interaction oidc-provider hands the browser to
// (its protocol endpoints — discovery, /auth, /token, /jwks, /me, /session/end — are the
// library's), and the control API under /__sim. Both are tables; GET /__sim lists them.
import type { ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { z } from "zod";
import type { SimRequest } from "../shared/http";
import { describeRoutes, Reply, type Route, RouteError, routeFor } from "../shared/routes";
import { accountInput, clientInput, clientMetadata, type OidcAccount, type OidcClient } from "./config";
import { expiredPage, loginPage } from "./pages";

export type OidcSim = {
  provider: Provider;
  issuer: string;
  clients: Map<string, OidcClient>;
  /** By sub. Changed in place: the provider's findAccount reads this very Map. */
  accounts: Map<string, OidcAccount>;
  save: () => void;
};

const route = routeFor<OidcSim>();

/** The interaction of this browser (its interaction cookie), if it is the one the path names. */
async function currentInteraction(sim: OidcSim, call: { req: SimRequest; res: ServerResponse }, uid: string) {
  try {
    const details = await sim.provider.interactionDetails(call.req.incoming, call.res);
    return details.uid === uid ? details : null;
  } catch {
    // No interaction cookie, or the interaction expired (oidc-provider: SessionNotFound).
    return null;
  }
}

const expired = () => Reply.html(400, expiredPage(), { "cache-control": "no-store" });

function clientName(sim: OidcSim, clientId: unknown): string {
  const client = typeof clientId === "string" ? sim.clients.get(clientId) : undefined;
  return client?.client_name ?? client?.client_id ?? "";
}

export const INTERACTION_ROUTES: Route<OidcSim>[] = [
  route({
    method: "GET",
    path: "/interaction/:uid",
    summary: "the login page oidc-provider sends the browser to (consent is granted without asking: every client is the school's own)",
    handler: async (sim, call) => {
      const details = await currentInteraction(sim, call, call.params.uid ?? "");
      if (!details) return expired();
      if (details.prompt.name === "login")
        return Reply.html(200, loginPage({ uid: details.uid, clientName: clientName(sim, details.params.client_id) }), {
          "cache-control": "no-store",
        });
      // A consent prompt still pending (e.g. a scope the grant lacks): approve what was asked, as for a first-party client.
      const grant = details.grantId
        ? await sim.provider.Grant.find(details.grantId)
        : new sim.provider.Grant({ accountId: details.session?.accountId, clientId: String(details.params.client_id) });
      if (!grant) return expired();
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      await sim.provider.interactionFinished(call.req.incoming, call.res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return undefined;
    },
  }),
  route({
    method: "POST",
    path: "/interaction/:uid/login",
    summary: "checks 用户名 (the account) and 密码, then returns the browser to oidc-provider",
    body: z.looseObject({ username: z.string().max(256).optional(), password: z.string().max(256).optional() }),
    bodyType: "form",
    handler: async (sim, call) => {
      const details = await currentInteraction(sim, call, call.params.uid ?? "");
      if (!details || details.prompt.name !== "login") return expired();
      const account = [...sim.accounts.values()].find((a) => a.account === call.body.username && a.password === call.body.password);
      if (!account)
        return Reply.html(
          401,
          loginPage({
            uid: details.uid,
            clientName: clientName(sim, details.params.client_id),
            username: call.body.username,
            error: "用户名或密码错误",
          }),
          { "cache-control": "no-store" },
        );
      await sim.provider.interactionFinished(
        call.req.incoming,
        call.res,
        { login: { accountId: account.sub } },
        { mergeWithLastSubmission: false },
      );
      return undefined;
    },
  }),
  route({
    method: "POST",
    path: "/interaction/:uid/abort",
    summary: "取消: back to the client with error=access_denied (OIDC Core §3.1.2.6)",
    handler: async (sim, call) => {
      const details = await currentInteraction(sim, call, call.params.uid ?? "");
      if (!details) return expired();
      await sim.provider.interactionFinished(
        call.req.incoming,
        call.res,
        { error: "access_denied", error_description: "End-User aborted interaction" },
        { mergeWithLastSubmission: false },
      );
      return undefined;
    },
  }),
];

/** A client as PUT takes it: client_id comes from the path. */
const clientBody = clientInput.extend({ client_id: clientInput.shape.client_id.optional() });

async function putClient(sim: OidcSim, id: string, body: z.output<typeof clientBody>): Promise<OidcClient> {
  if (body.client_id !== undefined && body.client_id !== id)
    throw new RouteError(400, "id_mismatch", `the body names client ${body.client_id}, the path ${id}`);
  const client = clientInput.parse({ ...body, client_id: id });
  try {
    // oidc-provider's own check of the metadata (redirect URIs, auth method …), so a bad client fails here, not at login.
    await sim.provider.Client.validate(clientMetadata(client));
  } catch (error) {
    throw new RouteError(400, "invalid_client_metadata", error instanceof Error ? error.message : String(error));
  }
  sim.clients.set(id, client);
  sim.save();
  return client;
}

function putAccounts(sim: OidcSim, accounts: OidcAccount[]): OidcAccount[] {
  const subs = new Set<string>();
  const names = new Set<string>();
  for (const a of accounts) {
    if (subs.has(a.sub)) throw new RouteError(400, "duplicate_sub", `sub ${a.sub} appears twice`);
    if (names.has(a.account)) throw new RouteError(400, "duplicate_account", `account ${a.account} appears twice`);
    subs.add(a.sub);
    names.add(a.account);
  }
  sim.accounts.clear();
  for (const a of accounts) sim.accounts.set(a.sub, a);
  sim.save();
  return accounts;
}

export const CONTROL_ROUTES: Route<OidcSim>[] = [
  route({
    method: "GET",
    path: "/__sim",
    summary: "this list: the control routes, the login interaction routes, the provider's endpoints, the clients and accounts",
    handler: (sim) => ({
      simulator: "oidc",
      issuer: sim.issuer,
      discovery: `${sim.issuer}/.well-known/openid-configuration`,
      control: describeRoutes(CONTROL_ROUTES),
      interaction: describeRoutes(INTERACTION_ROUTES),
      clients: [...sim.clients.values()].map((c) => ({
        client_id: c.client_id,
        client_name: c.client_name,
        redirect_uris: c.redirect_uris,
      })),
      accounts: [...sim.accounts.values()].map((a) => ({ sub: a.sub, account: a.account, name: a.name })),
    }),
  }),
  route({
    method: "GET",
    path: "/__sim/clients",
    summary: "every registered client, secrets included (a test double)",
    handler: (sim) => [...sim.clients.values()],
  }),
  route({
    method: "PUT",
    path: "/__sim/clients/:id",
    summary:
      "register or replace a client (authorization code + PKCE S256); checked by oidc-provider, 400 invalid_client_metadata otherwise",
    body: clientBody,
    handler: (sim, { params, body }) => putClient(sim, params.id ?? "", body),
  }),
  route({
    method: "DELETE",
    path: "/__sim/clients/:id",
    summary: "remove a client: its next request answers invalid_client",
    handler: (sim, { params }) => {
      if (!sim.clients.delete(params.id ?? "")) throw new RouteError(404, "unknown_client", `no client ${params.id ?? ""}`);
      sim.save();
      return { ok: true };
    },
  }),
  route({
    method: "GET",
    path: "/__sim/accounts",
    summary: "every account, passwords included",
    handler: (sim) => [...sim.accounts.values()],
  }),
  route({
    method: "PUT",
    path: "/__sim/accounts",
    summary: "replace every account: [{sub, account (preferred_username), password, name, email?, claims?}]",
    body: z.array(accountInput).max(10_000),
    handler: (sim, { body }) => putAccounts(sim, body),
  }),
  route({
    method: "PUT",
    path: "/__sim/accounts/:sub",
    summary: "add or replace one account",
    body: accountInput.extend({ sub: accountInput.shape.sub.optional() }),
    handler: (sim, { params, body }) => {
      const sub = params.sub ?? "";
      if (body.sub !== undefined && body.sub !== sub)
        throw new RouteError(400, "id_mismatch", `the body names sub ${body.sub}, the path ${sub}`);
      const others = [...sim.accounts.values()].filter((a) => a.sub !== sub);
      putAccounts(sim, [...others, { ...body, sub }]);
      return sim.accounts.get(sub);
    },
  }),
];
