// One way of proving who a person is (统一身份认证): the built-in directory, the
// school's CAS, its OpenID provider — and the next one a school asks for (SAML
// 2.0's HTTP-POST binding is the likely one). A protocol is one folder that
// declares everything of its own: its settings and their form fields, its
// 【测试连接】 checks, how a login starts and how the school's answer is read,
// how it becomes a member, what the school registers, and its logout. The list
// is protocols.ts. What every protocol shares stays outside the folders: the
// pending login (login-state.ts), the callback's checks, limits and cross-site
// form posts (http/callbacks.ts), finding the member (school-member.ts), and
// sessions (src/server/auth). docs/identity.md, "Adding a protocol".
import type { z } from "zod";
import type { IdentityProviderKind, IdentityProviderSettings, Prisma } from "~/generated/prisma/client";
import type { Bilingual, Locale } from "~/i18n/locale";
import type { MessageKey } from "~/i18n/messages";
import type { CheckStatus } from "~/server/checks/check";
import type { TenantScope } from "~/server/scope";
import type { PrivateOrigins } from "./outbound/private-origins";
import type { SsoProof } from "./sso-sessions";

/** What a login remembers of its own between our redirect and the school's answer; `protocol` says whose. */
export type PendingValues = { protocol: IdentityProviderKind } & Record<string, unknown>;

/** How the person proves who they are: a form of ours, or the school's page with what the answer must match. */
export type IdentityStart = { kind: "form" } | { kind: "redirect"; url: string; pending: PendingValues };

export type StartRequest = {
  returnTo: string;
  /** The school's origin for the member's host (tenants/public-origin.ts): service URLs and redirect URIs are built on it. */
  origin: string;
  /** Ask the school's server for credentials again, past its single sign-on (after 【不是我，换个账号】). */
  renew: boolean;
};

/** The member the school vouched for, as sessions need it; `sso` when the school's own server did. */
export type IdentifiedMember = { id: string; account: string; sessionVersion: number; sso?: SsoProof };

/** The pending login a callback answers, with the protocol's own values checked by its schema. */
export type AnsweredLogin<Pending> = { pending: Pending; renew: boolean; startedAt: number };

/** How the school's server sends the browser back with its answer (CAS ?ticket=, OIDC ?code=&state=). */
export type ProtocolCallback<Pending, Proof> = {
  /** The protocol's values in the pending login, checked again when the login comes back. */
  pending: z.ZodType<Pending>;
  /** The login's own random value, and the parameter of the answer that must carry it (CAS `login`, OIDC `state`, SAML `RelayState`). */
  loginValue(pending: Pending): string;
  answerParam: string;
  /**
   * Whether the answer may arrive as a form post from the school's site (OIDC form_post, SAML's
   * HTTP-POST binding): such a post carries none of our SameSite=Lax cookies, so http/callbacks.ts
   * keeps its fields for the GET it redirects to, which does.
   */
  acceptsPost: boolean;
  /** What `finish` takes from the answer; null: the answer has nothing to finish (a CAS gateway answer). */
  proof(params: URLSearchParams, login: AnsweredLogin<Pending>): Proof | null;
};

/** One field of the protocol's settings on the admin form; `name` is its column (a secret's column is `<name>Enc`). */
export type SettingsField = {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  options?: readonly { value: string; label: MessageKey }[];
  /** Write-only: the form says whether one is set, never shows it, and an empty box keeps it. */
  secret?: boolean;
};

export type StoredSettings = IdentityProviderSettings;

export type ProtocolSettings<Input> = {
  /** Its fields of the settings input; protocols.ts composes them into identityProviderSettingsInput. */
  shape: z.ZodRawShape;
  fields: readonly SettingsField[];
  /**
   * Its columns from the validated input, each address held to the SSRF rules; when the school uses
   * the protocol (`inUse`), a missing value is refused with IDP_SETTINGS_INCOMPLETE naming the field.
   */
  columns(
    input: Input,
    context: { inUse: boolean; stored: StoredSettings; tenantId: string; locale: Locale; listed: PrivateOrigins },
  ): Prisma.IdentityProviderSettingsUncheckedUpdateInput;
  /** What the audit row says of the change: never a secret, at most that one was set. */
  audit(input: Input): Record<string, string | boolean | null>;
};

/** A check of 【测试连接】 as the protocol found it, in both languages (connection-test.ts says it in the reader's). */
export type CheckDraft = { id: string; status: CheckStatus; detail: Bilingual };

export type ProtocolChecks = {
  /** Its check ids in order, with their titles. */
  titles: Record<string, MessageKey>;
  run(scope: TenantScope, stored: StoredSettings, context: { origin: string }): Promise<CheckDraft[]>;
};

export type IdentityProtocol<Input = never, Pending = never, Proof = never> = {
  kind: IdentityProviderKind;
  settings?: ProtocolSettings<Input>;
  checks?: ProtocolChecks;
  start(scope: TenantScope, request: StartRequest): Promise<IdentityStart>;
  callback?: ProtocolCallback<Pending, Proof>;
  finish(scope: TenantScope, proof: Proof): Promise<IdentifiedMember>;
  /** Where the browser goes to end the person's session at the school too; null when it offers no logout. */
  logout?(scope: TenantScope, session: { idToken: string | null }, origin: string): Promise<URL | null>;
  /** What the school registers at its server for each of its origins (service URLs, redirect URIs …). */
  registration?(origins: readonly string[]): { label: MessageKey; values: string[] }[];
};
