// What every protocol's settings (protocol.ts ProtocolSettings) build on: an optional text box,
// and a school server's address held to the SSRF rules of outbound/school-url.ts, refused in the
// words of the form's field.
import { z } from "zod";
import { pick, type Locale } from "~/i18n/locale";
import { bilingualOf, type MessageKey } from "~/i18n/messages";
import { AppError, type AppErrorCode } from "~/server/errors";
import { normaliseCasBase } from "./cas/urls";
import type { PrivateOrigins } from "./outbound/private-origins";
import { parseSchoolUrl, type SchoolServerKind, type SchoolUrlRefusal } from "./outbound/school-url";

/** A text box: trimmed, at most `max`, empty is null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);

/** The catalogue's message for each refused address: what the admin types instead. */
export const URL_REFUSALS: Record<SchoolUrlRefusal, AppErrorCode> = {
  invalid: "IDP_URL_INVALID",
  not_https: "IDP_URL_NOT_HTTPS",
  credentials: "IDP_URL_CREDENTIALS",
  port: "IDP_URL_PORT",
  address_literal: "IDP_URL_ADDRESS",
  local_name: "IDP_URL_LOCAL_NAME",
  query: "IDP_URL_QUERY",
};

/** A field's label as the settings form shows it, for a refusal that names it. */
export const fieldLabel = (label: MessageKey, locale: Locale) => pick(locale, bilingualOf(label));

/** The address as stored, or the refusal naming the field (its label on the form); `listed`: the operator's private origins. */
export function checkedSchoolUrl(
  raw: string,
  server: SchoolServerKind,
  label: MessageKey,
  listed: PrivateOrigins,
  locale: Locale = "zh-CN",
): string {
  const parsed = parseSchoolUrl(raw, listed);
  if (!parsed.ok) throw new AppError(URL_REFUSALS[parsed.reason], { field: fieldLabel(label, locale) });
  if (server === "cas") return normaliseCasBase(parsed.url.href);
  // An issuer is compared byte for byte with the discovery document's (OIDC Discovery §4.3): kept as typed, trimmed.
  return raw.trim();
}

/** IDP_SETTINGS_INCOMPLETE for a protocol in use without `label`'s value. */
export const incomplete = (label: MessageKey, locale: Locale) =>
  new AppError("IDP_SETTINGS_INCOMPLETE", { missing: fieldLabel(label, locale) });
