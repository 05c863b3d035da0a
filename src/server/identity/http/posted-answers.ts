// A school's answer that comes as a form post from the school's own site — OIDC's form_post
// (OAuth 2.0 Form Post Response Mode §2) today, SAML's HTTP-POST binding (SAML 2.0 Bindings §3.5)
// when a school asks for it. Browsers send a SameSite=Lax cookie on a cross-site top-level GET but
// not on a cross-site POST (RFC 6265bis §5.6.7.1), so the post arrives without this browser's
// pending login. It is kept here, sealed to the school and to its own row, for five minutes and
// one use, and the browser is sent with a 303 to a GET of the same callback naming the row: that
// GET brings the pending login, and the answer is checked against it as any other. Nothing is
// decided on the post itself, so a forged post leads nowhere: it answers no pending login.
import { randomUUID } from "node:crypto";
import type { IdentityProviderKind } from "~/generated/prisma/client";
import { encryptionKey } from "~/server/crypto/keys";
import { decryptSecret, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { ssoPostedAnswerLimit } from "./limits";

/** The query parameter of the GET that names the kept answer. */
export const POSTED_ANSWER_PARAM = "posted";

/** A SAML response with its signature and certificate is a few tens of KB; an OIDC form_post far less. */
export const POSTED_ANSWER_MAX_BYTES = 128 * 1024;

const LIFETIME_MS = 5 * 60_000;

// Bound to its row and its school: a sealed answer copied elsewhere opens nowhere else.
const context = (tenantId: string, id: string) => sealContext("IdentityCallbackPost", "fieldsEnc", `${tenantId}/${id}`);

/** Keeps the posted fields; the id goes into the GET's query. */
export async function keepPostedAnswer(scope: TenantScope, protocol: IdentityProviderKind, fields: URLSearchParams): Promise<string> {
  await enforceRateLimit(unscopedClient(scope), ssoPostedAnswerLimit(scope.tenant.id, scope.actor.ip));
  const id = randomUUID();
  const fieldsEnc = encryptSecret(fields.toString(), encryptionKey(), context(scope.tenant.id, id));
  await scope.db.identityCallbackPost.create({ data: { id, tenantId: scope.tenant.id, protocol, fieldsEnc } });
  // Answers nobody came back for go: the table holds minutes of them at most.
  if (Math.random() < 0.05)
    await scope.db.identityCallbackPost.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - LIFETIME_MS) } } });
  return id;
}

/** The kept fields, once (the row goes as it is read), within their lifetime; null otherwise. */
export async function takePostedAnswer(scope: TenantScope, protocol: IdentityProviderKind, id: string): Promise<URLSearchParams | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const row = await scope.db.identityCallbackPost.delete({ where: { id } }).catch(() => null);
  if (!row || row.protocol !== protocol || Date.now() - row.createdAt.getTime() > LIFETIME_MS) return null;
  return new URLSearchParams(decryptSecret(row.fieldsEnc, encryptionKey(), context(scope.tenant.id, id)));
}
